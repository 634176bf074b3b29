// `npm pack` (so `pulumi policy publish`) ships package.json without devDependencies: installed with
// `--production`, npm would otherwise still install our dev typescript and ts-node, because they satisfy
// @pulumi/pulumi's optional peers. `prepack` strips them (keeping the original aside), `postpack` restores it.
"use strict";
const fs = require("fs");
const path = require("path");

const manifest = path.join(__dirname, "..", "package.json");
const original = path.join(__dirname, "..", ".package.json.before-pack");

function restore() {
    if (fs.existsSync(original)) fs.renameSync(original, manifest);
}

if (process.argv[2] === "strip") {
    restore(); // an earlier pack that did not finish
    const text = fs.readFileSync(manifest, "utf8");
    fs.writeFileSync(original, text);
    const pkg = JSON.parse(text);
    delete pkg.devDependencies;
    fs.writeFileSync(manifest, JSON.stringify(pkg, null, 2) + "\n");
} else if (process.argv[2] === "restore") {
    restore();
} else {
    console.error("usage: node scripts/pack-manifest.js strip|restore");
    process.exit(2);
}
