// Pulumi's runtime mocks, recording every resource a program registers.
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

export const registered: Registered[] = [];

/** The region the mocked AWS provider says it works in (`aws.getRegion`). */
export const providerRegion = "eu-west-1";

const mocks: pulumi.runtime.Mocks = {
    newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const service = (args.type.split(":")[1] ?? "x").split("/")[0];
        const state: Record<string, unknown> = { ...args.inputs, arn: `arn:aws:${service}:us-east-1:123456789012:${args.name}` };
        if (state.name === undefined) state.name = args.name;
        if (args.type === "aws:ecr/repository:Repository") state.repositoryUrl = `123456789012.dkr.ecr.us-east-1.amazonaws.com/${state.name}`;
        return { id: `${args.name}-id`, state };
    },
    call: (args) => (args.token === "aws:index/getRegion:getRegion" ? { region: providerRegion, name: providerRegion } : args.inputs),
};
pulumi.runtime.setMocks(mocks, "demo", "test", false);

/** The value of an Output (mocks resolve everything). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

/** Waits until registrations in flight have settled. */
export async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 50));
}

/** Resources registered by `run`, awaited: one program (a deployment of its own, so its own stack facts). */
export async function program(run: () => unknown, config: Record<string, string> = {}): Promise<Registered[]> {
    pulumi.runtime.setMocks(mocks, "demo", "test", false);
    setConfig(config);
    const start = registered.length;
    const result = run();
    if (result instanceof Promise) await result;
    await settle();
    return registered.slice(start);
}

/** Sets the program's stack config (`{ "ecs-guardrails:policyConfig": "{...}" }`), replacing what was set. */
export function setConfig(config: Record<string, string>): void {
    pulumi.runtime.setAllConfig(config);
}
