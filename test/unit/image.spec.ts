import { strict as assert } from "assert";
import { parseImageReference } from "../../policy/model";

const digest = "sha256:" + "a".repeat(64);

// [reference, expected parse or the problem]
const cases: [string, { registry?: string; path: string; tag?: string; digest?: string } | string][] = [
    ["nginx", { path: "nginx" }],
    ["nginx:1.25", { path: "nginx", tag: "1.25" }],
    ["nginx:latest", { path: "nginx", tag: "latest" }],
    ["nginx:LATEST", { path: "nginx", tag: "LATEST" }],
    ["library/nginx:1.25-alpine", { path: "library/nginx", tag: "1.25-alpine" }],
    ["docker.io/library/nginx", { registry: "docker.io", path: "library/nginx" }],
    ["registry:5000/app", { registry: "registry:5000", path: "app" }],
    ["registry:5000/app:2.0", { registry: "registry:5000", path: "app", tag: "2.0" }],
    ["localhost/app:dev", { registry: "localhost", path: "app", tag: "dev" }],
    ["localhost:5000/team/app", { registry: "localhost:5000", path: "team/app" }],
    ["123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:3f9c2ab", { registry: "123456789012.dkr.ecr.us-east-1.amazonaws.com", path: "shop/api", tag: "3f9c2ab" }],
    ["public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", { registry: "public.ecr.aws", path: "aws-observability/aws-otel-collector", tag: "v0.40.0" }],
    ["ghcr.io/org/team/deep/nested/app:1", { registry: "ghcr.io", path: "org/team/deep/nested/app", tag: "1" }],
    [`app@${digest}`, { path: "app", digest }],
    [`app:1.2@${digest}`, { path: "app", tag: "1.2", digest }],
    [`registry:5000/app@${digest}`, { registry: "registry:5000", path: "app", digest }],
    [`registry:5000/app:latest@${digest}`, { registry: "registry:5000", path: "app", tag: "latest", digest }],
    ["[::1]:5000/app:1", { registry: "[::1]:5000", path: "app", tag: "1" }],
    ["my_app__x:v_1", { path: "my_app__x", tag: "v_1" }],
    ["mcr.microsoft.com/windows/servercore:ltsc2022", { registry: "mcr.microsoft.com", path: "windows/servercore", tag: "ltsc2022" }],
    ["", "is empty"],
    ["   ", "contains whitespace"],
    [" nginx:1.25", "contains whitespace"],
    ["nginx:1.25 ", "contains whitespace"],
    ["nginx:", "has a malformed tag"],
    ["nginx:-bad", "has a malformed tag"],
    ["Nginx:1.0", "has a malformed repository name (lowercase letters, digits and . _ - only)"],
    ["app@sha256:xyz", "has a malformed digest"],
    ["app@", "has a malformed digest"],
    ["registry:5000/", "has no repository name"],
    ["/app", "has a malformed repository name (lowercase letters, digits and . _ - only)"],
    ["app//x", "has a malformed repository name (lowercase letters, digits and . _ - only)"],
    ["%%%garbage%%%", "has a malformed repository name (lowercase letters, digits and . _ - only)"],
    ["http://registry/app:1", "has a malformed registry"],
    ["app:" + "x".repeat(129), "has a malformed tag"],
];

describe("image reference parser", () => {
    for (const [reference, expected] of cases) {
        it(`${JSON.stringify(reference)} → ${typeof expected === "string" ? expected : JSON.stringify(expected)}`, () => {
            const parsed = parseImageReference(reference);
            if (typeof expected === "string") {
                assert.deepEqual(parsed, { ok: false, problem: expected });
            } else {
                assert.deepEqual(parsed, { ok: true, ref: { registry: undefined, tag: undefined, digest: undefined, ...expected } });
            }
        });
    }
});
