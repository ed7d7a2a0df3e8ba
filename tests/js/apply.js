// Applies kzlaw's patch texts with the JavaScript port of diff-match-patch (UTF-16 offsets).
// Reads a JSON array of {old, patch} on stdin; writes a JSON array of {text, applied} on stdout.
"use strict";
const DiffMatchPatch = require("diff-match-patch");

const dmp = new DiffMatchPatch();
// Exact application: a hunk must match at exactly its stated offset (no fuzzy search nearby), so a
// patch whose offsets are not in UTF-16 code units fails instead of being rescued by fuzzy matching.
dmp.Match_Threshold = 0;
dmp.Match_Distance = 0;
dmp.Patch_DeleteThreshold = 0;
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(({ old, patch }) => {
    const [text, applied] = dmp.patch_apply(dmp.patch_fromText(patch), old);
    return { text, applied };
  });
  process.stdout.write(JSON.stringify(results));
});
