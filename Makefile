# The two commands of the README. Both set up .venv first (see .ci/setup).
.PHONY: report check setup

setup:
	bash .ci/setup

report: setup
	.venv/bin/kzlaw report -o report

check:
	bash .ci/check
