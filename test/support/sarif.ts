// Validates SARIF against the published SARIF 2.1.0 JSON schema (draft-04; shipped in @microsoft/jest-sarif).
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";

const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
// unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a SARIF log: [] when it is valid. */
export function sarifErrors(log: unknown): string[] {
    if (validate(log)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
