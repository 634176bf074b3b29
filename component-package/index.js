// The component package's entry, run by @pulumi/pulumi's run-plugin: the four components of the `ecs-guardrails`
// package (index.ts declares the same, for the schema). Their schema is derived from their types and doc comments;
// the derivation keeps a comment's text but drops its tags, so the `@default` of each input is added to its
// description here: other languages see the defaults too.
"use strict";
const path = require("path");
const { ComponentProvider } = require("@pulumi/pulumi/provider/experimental");
const { Cluster, FargateService, Repository, TaskDefinition } = require("ecs-guardrails");

const deriveSchema = ComponentProvider.prototype.getSchema;
ComponentProvider.prototype.getSchema = async function getSchemaWithDefaults() {
    const derived = await deriveSchema.call(this);
    if (this.schemaWithDefaults) return this.schemaWithDefaults;
    const schema = JSON.parse(derived);
    const defaults = defaultsByInterface(this.path);
    const addDefaults = (interfaceName, properties) => {
        for (const [name, property] of Object.entries(properties || {})) {
            const given = defaults.get(interfaceName)?.get(name);
            if (given !== undefined) property.description = `${property.description ?? ""}\n\nDefault: ${given}.`.trimStart();
        }
    };
    for (const [token, resource] of Object.entries(schema.resources || {})) addDefaults(`${token.split(":").pop()}Args`, resource.inputProperties);
    for (const [token, type] of Object.entries(schema.types || {})) addDefaults(token.split(":").pop(), type.properties);
    this.schemaWithDefaults = this.cachedSchema = JSON.stringify(schema);
    return this.schemaWithDefaults;
};

/**
 * `@default` tags of interface members, by interface and member: in the package's entry and the files it imports,
 * the Pulumi SDKs aside (read as written: a program would read no JSDoc tags in TypeScript files).
 */
function defaultsByInterface(dir) {
    const ts = require("typescript");
    const configPath = path.join(dir, "tsconfig.json");
    const options = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, dir).options;
    const found = new Map();
    const queue = [path.join(dir, "index.ts")];
    const seen = new Set(queue);
    while (queue.length > 0) {
        const fileName = queue.shift();
        const file = ts.createSourceFile(fileName, ts.sys.readFile(fileName), { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseAll }, true);
        ts.forEachChild(file, (node) => {
            if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
                const resolved = ts.resolveModuleName(node.moduleSpecifier.text, fileName, options, ts.sys).resolvedModule?.resolvedFileName;
                if (resolved && !/[\\/]node_modules[\\/](@pulumi|@types|typescript)[\\/]/.test(resolved) && !seen.has(resolved)) {
                    seen.add(resolved);
                    queue.push(resolved);
                }
            }
            if (!ts.isInterfaceDeclaration(node)) return;
            for (const member of node.members) {
                const tag = ts.getJSDocTags(member).find((t) => t.tagName.text === "default");
                if (!tag || !member.name || !ts.isIdentifier(member.name)) continue;
                if (!found.has(node.name.text)) found.set(node.name.text, new Map());
                found.get(node.name.text).set(member.name.text, ts.getTextOfJSDocComment(tag.comment)?.trim() ?? "");
            }
        });
    }
    return found;
}

module.exports = { Cluster, FargateService, Repository, TaskDefinition };
