// CloudFormation resource properties (PascalCase, intrinsic functions) read into the aws-native shape of the same
// resource, which the aws-native tables then map onto the model: one reading for Cloud Control and CloudFormation.
import { Unreadable } from "../values";
import { sdkNameOf } from "./naming";

/** The template a resource is read from: its resources by logical id, to tell what a `Ref` or `GetAtt` names. */
export interface TemplateScope {
    /** The identity (a URN under the Pulumi resource) of each template resource, by logical id. */
    resourceIds: ReadonlyMap<string, string>;
    /** False for a Cloud Control desired state: nothing there evaluates `Ref` or `Fn::*`, so they are plain (wrong) values. */
    intrinsics: boolean;
}

/** Properties whose value is free-form data (labels, driver options, a policy document): keys kept as written. */
const freeForm: ReadonlySet<string> = new Set(["DockerLabels", "Options", "DriverOpts", "Labels", "RepositoryPolicyText"]);

/** The value of a `!Ref AWS::NoValue`: the property is removed. */
const noValue = Symbol("AWS::NoValue");

/** What the reading of one resource's properties gives: the aws-native shape, and the names the template used. */
export interface ReadProperties {
    props: Record<string, unknown>;
    /** The CloudFormation name of each property met, by its aws-native name (for paths in messages). */
    spelled: Map<string, string>;
}

/**
 * Reads CloudFormation properties as their aws-native twin. A key CloudFormation does not spell (lower-case first
 * letter) is left out, as the resource schemas reject it before anything reaches ECS. An intrinsic function is a
 * value not known yet (one naming a template resource says which), except a `Fn::Sub`/`Fn::Join` whose only
 * variables are pseudo parameters (`${AWS::Region}`), which is read as its text.
 */
export function readProperties(properties: Record<string, unknown>, base: string, scope: TemplateScope): ReadProperties {
    const spelled = new Map<string, string>();
    const props = convert(properties, base, scope, spelled, false) as Record<string, unknown>;
    return { props, spelled };
}

function convert(value: unknown, path: string, scope: TemplateScope, spelled: Map<string, string>, raw: boolean): unknown {
    if (Array.isArray(value)) {
        const out: unknown[] = [];
        value.forEach((item, i) => {
            const converted = convert(item, `${path}[${i}]`, scope, spelled, raw);
            if (converted !== noValue) out.push(converted);
        });
        return out;
    }
    if (typeof value !== "object" || value === null) return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (scope.intrinsics && keys.length === 1 && isIntrinsic(keys[0], record[keys[0]])) return intrinsic(keys[0], record[keys[0]], path, scope);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
        const childPath = path === "" ? key : `${path}.${key}`;
        if (raw) {
            const converted = convert(record[key], childPath, scope, spelled, true);
            if (converted !== noValue) out[key] = converted;
            continue;
        }
        if (!(key[0] >= "A" && key[0] <= "Z")) continue;
        const name = sdkNameOf(key);
        spelled.set(name, key);
        const converted = convert(record[key], childPath, scope, spelled, freeForm.has(key));
        if (converted !== noValue) out[name] = converted;
    }
    return out;
}

function isIntrinsic(key: string, value: unknown): boolean {
    return key === "Ref" || key.startsWith("Fn::") || (key === "Condition" && typeof value === "string");
}

const pseudoParameters: ReadonlySet<string> = new Set([
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
]);

function intrinsic(name: string, argument: unknown, path: string, scope: TemplateScope): unknown {
    if (name === "Ref" && argument === "AWS::NoValue") return noValue;
    const text = textOf(name, argument);
    if (text !== undefined) return text;
    return new Unreadable("notKnownYet", path, referenceOf(name, argument, scope));
}

/** The template resource a `Ref` or `Fn::GetAtt` names (its identity), if it names one. */
function referenceOf(name: string, argument: unknown, scope: TemplateScope): string | undefined {
    let target: unknown;
    if (name === "Ref") target = argument;
    else if (name === "Fn::GetAtt") target = Array.isArray(argument) ? argument[0] : typeof argument === "string" ? argument.split(".")[0] : undefined;
    return typeof target === "string" ? scope.resourceIds.get(target) : undefined;
}

/**
 * The text of a `Fn::Sub` or `Fn::Join` (or a pseudo parameter inside one) when nothing in it depends on the
 * template's parameters or resources: pseudo parameters stay as `${AWS::Region}`, which no check reads as more.
 */
function textOf(name: string, argument: unknown): string | undefined {
    if (name === "Ref") return undefined;
    if (name === "Fn::Sub") {
        const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
        if (typeof template !== "string" || typeof variables !== "object" || variables === null || Array.isArray(variables)) return undefined;
        let known = true;
        const text = template.replace(/\$\{(!?)([^}]*)\}/g, (whole, escaped: string, variable: string) => {
            if (escaped) return `\${${variable}}`;
            const given = (variables as Record<string, unknown>)[variable];
            if (typeof given === "string") return given;
            if (given !== undefined) {
                const inner = typeof given === "object" && given !== null && Object.keys(given).length === 1 ? partText(given) : undefined;
                if (inner !== undefined) return inner;
                known = false;
                return whole;
            }
            if (pseudoParameters.has(variable)) return whole;
            known = false;
            return whole;
        });
        return known ? text : undefined;
    }
    if (name === "Fn::Join") {
        if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== "string" || !Array.isArray(argument[1])) return undefined;
        const parts: string[] = [];
        for (const part of argument[1]) {
            const text = typeof part === "string" ? part : partText(part);
            if (text === undefined) return undefined;
            parts.push(text);
        }
        return parts.join(argument[0]);
    }
    return undefined;
}

/** A part of a join or a Sub variable: a pseudo parameter, or a nested Sub/Join that is text. */
function partText(part: unknown): string | undefined {
    if (typeof part !== "object" || part === null || Array.isArray(part)) return undefined;
    const [key] = Object.keys(part);
    const argument = (part as Record<string, unknown>)[key];
    if (key === "Ref") return typeof argument === "string" && pseudoParameters.has(argument) ? `\${${argument}}` : undefined;
    return key === "Fn::Sub" || key === "Fn::Join" ? textOf(key, argument) : undefined;
}
