// Every policy, on random, malformed and partly unknown resources: a policy never throws.
import { strict as assert } from "assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { policies } from "../../policy/policies";
import { anyResource, fc } from "../support/arbitraries";

const { unknownCheckingProxy, UnknownValueError } = require("@pulumi/policy/proxy");

class NotApplicableSignal extends Error {}

function argsFor(resource: { type: string; name: string; props: unknown }) {
    const urn = `urn:pulumi:dev::demo::${resource.type}::${resource.name}`;
    return {
        type: resource.type, name: resource.name, urn, props: unknownCheckingProxy(resource.props ?? {}),
        opts: {}, stackTags: new Map(), getConfig: () => ({}), isType: () => false, asType: () => undefined,
        notApplicable: (reason?: string) => { throw new NotApplicableSignal(reason); },
    };
}

/** The outcomes @pulumi/policy's server handles: return, "not applicable", or our own "not known yet" (never a raw proxy error). */
function expected(e: unknown): boolean {
    return e instanceof NotApplicableSignal || (e instanceof UnknownValueError && e.message.includes("during `pulumi up`"));
}

describe("robustness: every policy on random resources", () => {
    const resourcePolicies = policies.filter((p): p is ResourceValidationPolicy => "validateResource" in p);
    const stackPolicies = policies.filter((p): p is StackValidationPolicy => "validateStack" in p);

    it("resource policies never throw and report only strings", () => {
        fc.assert(fc.property(anyResource, (resource) => {
            for (const policy of resourcePolicies) {
                const messages: unknown[] = [];
                try {
                    (policy.validateResource as Function)(argsFor(resource), (m: unknown) => messages.push(m));
                } catch (e) {
                    assert.ok(expected(e), `${policy.name} threw ${e}`);
                }
                messages.forEach((m) => assert.equal(typeof m, "string"));
                if (policy.remediateResource) {
                    try {
                        policy.remediateResource(argsFor(resource) as never);
                    } catch (e) {
                        assert.ok(expected(e), `${policy.name} remediation threw ${e}`);
                    }
                }
            }
        }), { numRuns: 400 });
    });

    it("stack policies never throw", () => {
        fc.assert(fc.property(fc.array(anyResource, { maxLength: 8 }), (resources) => {
            const list = resources.map((r, i) => ({ ...argsFor({ ...r, name: `r${i}` }), dependencies: [], propertyDependencies: {} }));
            for (const policy of stackPolicies) {
                try {
                    (policy.validateStack as Function)({ resources: list, getConfig: () => ({}), stackTags: new Map(), notApplicable: () => { throw new NotApplicableSignal(); } }, () => undefined);
                } catch (e) {
                    assert.ok(expected(e), `${policy.name} threw ${e}`);
                }
            }
        }), { numRuns: 200 });
    });
});
