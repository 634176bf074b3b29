// CloudFormation resource properties (PascalCase, intrinsic functions) read into the aws-native shape of the same
// resource, which the aws-native tables then map onto the model: one reading for Cloud Control and CloudFormation.
import { Unreadable, isRedacted, isUnknownSentinel } from "../values";
import { sdkNameOf } from "./naming";

/** The template a resource is read from: its resources by logical id, to tell what a `Ref` or `GetAtt` names. */
export interface TemplateScope {
    /** The identity (a URN under the Pulumi resource) of each template resource, by logical id. */
    resourceIds: ReadonlyMap<string, string>;
    /** False for a Cloud Control desired state: nothing there evaluates `Ref` or `Fn::*`, so they are plain (wrong) values. */
    intrinsics: boolean;
    /** The template's Mappings and Conditions: `Fn::FindInMap`, `Fn::If` and `Fn::Select` of literals are worked out. */
    mappings?: unknown;
    conditions?: unknown;
    /** The values the Pulumi resource gives the template's parameters (`parameters`), and their declarations. */
    parameters?: unknown;
    parameterTypes?: unknown;
    /** Conditions worked out so far; undefined when one depends on a parameter. */
    decided?: Map<string, boolean | undefined>;
}

/** Properties whose value is free-form data (labels, driver options, a policy document): keys kept as written. */
const freeForm: ReadonlySet<string> = new Set(["DockerLabels", "Options", "DriverOpts", "Labels", "RepositoryPolicyText"]);

/** The value of a `!Ref AWS::NoValue`: the property is removed. */
const noValue = Symbol("AWS::NoValue");

/** What the reading of one resource's properties gives: the aws-native shape, and the names the template used. */
export interface ReadProperties {
    props: Record<string, unknown>;
    /** What cannot be read (a value nested deeper than any ECS property), for `ecs-input-well-formed`. */
    problems: { path: string; problem: string }[];
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
    const problems: ReadProperties["problems"] = [];
    const props = convert(properties, base, scope, spelled, false, problems, 0) as Record<string, unknown>;
    return { props, spelled, problems };
}

/** Deeper than any ECS or ECR property (and than CloudFormation reads): such a value is malformed, not a stack overflow. */
const deepest = 200;

function convert(value: unknown, path: string, scope: TemplateScope, spelled: Map<string, string>, raw: boolean, problems: ReadProperties["problems"], depth: number): unknown {
    if (typeof value === "object" && value !== null && depth > deepest) {
        const shown = path.length > 120 ? `${path.slice(0, 120)}...` : path;
        problems.push({ path: shown, problem: `is nested more than ${deepest} levels deep` });
        return new Unreadable("malformed", shown);
    }
    const next = (item: unknown, itemPath: string, itemRaw: boolean) => convert(item, itemPath, scope, spelled, itemRaw, problems, depth + 1);
    if (Array.isArray(value)) {
        const out: unknown[] = [];
        value.forEach((item, i) => {
            const converted = next(item, `${path}[${i}]`, raw);
            if (converted !== noValue) out.push(converted);
        });
        return out;
    }
    if (typeof value !== "object" || value === null) return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (scope.intrinsics && keys.length === 1 && isIntrinsic(keys[0], record[keys[0]])) {
        const chosen = workedOut(keys[0], record[keys[0]], scope);
        if (chosen !== undecided) return next(chosen, path, raw);
        return intrinsic(keys[0], record[keys[0]], path, scope);
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
        const childPath = path === "" ? key : `${path}.${key}`;
        if (raw) {
            const converted = next(record[key], childPath, true);
            // defineProperty: a label named `__proto__` is a label, never the object's prototype.
            if (converted !== noValue) Object.defineProperty(out, key, { value: converted, enumerable: true, writable: true, configurable: true });
            continue;
        }
        if (!(key[0] >= "A" && key[0] <= "Z")) continue;
        const name = sdkNameOf(key);
        spelled.set(name, key);
        const converted = next(record[key], childPath, freeForm.has(key));
        if (converted !== noValue) out[name] = converted;
    }
    return out;
}

const undecided = Symbol("undecided");

/**
 * What a function that needs none of the template's parameters gives: `Fn::If` on a condition of literals (or with
 * equal branches), `Fn::FindInMap` with literal keys, `Fn::Select` of a literal list. So a value hidden behind
 * `!If [AlwaysTrue, true, false]` or in Mappings is read like any other.
 */
function workedOut(name: string, argument: unknown, scope: TemplateScope): unknown {
    if (!Array.isArray(argument)) return undecided;
    if (name === "Fn::If" && argument.length === 3 && typeof argument[0] === "string") {
        const holds = conditionValue(argument[0], scope);
        if (holds !== undefined) return argument[holds ? 1 : 2];
        return JSON.stringify(argument[1]) === JSON.stringify(argument[2]) ? argument[1] : undecided;
    }
    if (name === "Fn::FindInMap" && argument.length === 3) {
        let value: unknown = scope.mappings;
        for (const key of argument) {
            const step = literalText(key, scope);
            if (step === undefined || typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, step)) return undecided;
            value = (value as Record<string, unknown>)[step];
        }
        return value;
    }
    if (name === "Fn::Select" && argument.length === 2 && Array.isArray(argument[1])) {
        const index = Number(literalText(argument[0], scope));
        return Number.isInteger(index) && index >= 0 && index < argument[1].length ? argument[1][index] : undecided;
    }
    return undecided;
}

/** A literal (or a function of literals and given parameters) as the text CloudFormation compares. */
function literalText(value: unknown, scope: TemplateScope): string | undefined {
    const text = partText(value, scope);
    return text !== undefined && !text.includes("${AWS::") ? text : undefined;
}

/** A template condition worked out from literals: true, false, or undefined when it depends on a parameter. */
export function conditionValue(name: string, scope: TemplateScope): boolean | undefined {
    const decided = (scope.decided ??= new Map());
    if (decided.has(name)) return decided.get(name);
    decided.set(name, undefined); // a condition that names itself is undecided
    const conditions = scope.conditions;
    const definition = typeof conditions === "object" && conditions !== null && Object.prototype.hasOwnProperty.call(conditions, name) ? (conditions as Record<string, unknown>)[name] : undefined;
    const value = evaluate(definition, scope);
    decided.set(name, value);
    return value;
}

function evaluate(condition: unknown, scope: TemplateScope): boolean | undefined {
    if (typeof condition !== "object" || condition === null || Array.isArray(condition) || Object.keys(condition).length !== 1) return undefined;
    const [key] = Object.keys(condition);
    const argument = (condition as Record<string, unknown>)[key];
    if (key === "Condition") return typeof argument === "string" ? conditionValue(argument, scope) : undefined;
    if (!Array.isArray(argument)) return undefined;
    if (key === "Fn::Equals" && argument.length === 2) {
        const [a, b] = argument.map((v) => literalText(v, scope));
        return a === undefined || b === undefined ? undefined : a === b;
    }
    const values = argument.map((c) => evaluate(c, scope));
    if (key === "Fn::Not" && values.length === 1) return values[0] === undefined ? undefined : !values[0];
    if (key === "Fn::And") return values.includes(false) ? false : values.every((v) => v === true) ? true : undefined;
    if (key === "Fn::Or") return values.includes(true) ? true : values.every((v) => v === false) ? false : undefined;
    return undefined;
}

function isIntrinsic(key: string, value: unknown): boolean {
    return key === "Ref" || key.startsWith("Fn::") || (key === "Condition" && typeof value === "string");
}

const pseudoParameters: ReadonlySet<string> = new Set([
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
]);

function intrinsic(name: string, argument: unknown, path: string, scope: TemplateScope): unknown {
    if (name === "Ref" && argument === "AWS::NoValue") return noValue;
    const given = name === "Ref" && typeof argument === "string" ? parameterValue(argument, scope) : undefined;
    if (given !== undefined) return given;
    const text = textOf(name, argument, scope);
    if (text !== undefined) return text;
    return new Unreadable("notKnownYet", path, referenceOf(name, argument, scope));
}

/**
 * The value the Pulumi resource gives a template parameter (its `parameters` input): a string, or a list for a
 * list-typed parameter. A parameter it does not give is not known (the template's default is not assumed).
 */
function parameterValue(name: string, scope: TemplateScope): string | string[] | undefined {
    const given = scope.parameters;
    const value = typeof given === "object" && given !== null && Object.prototype.hasOwnProperty.call(given, name) ? (given as Record<string, unknown>)[name] : undefined;
    if (typeof value !== "string" || isUnknownSentinel(value) || isRedacted(value)) return undefined;
    const declared = scope.parameterTypes;
    const type = typeof declared === "object" && declared !== null ? ((declared as Record<string, { Type?: unknown }>)[name]?.Type) : undefined;
    return typeof type === "string" && (type === "CommaDelimitedList" || type.startsWith("List<")) ? value.split(",").map((v) => v.trim()) : value;
}

/** The template resource a `Ref` or `Fn::GetAtt` names (its identity), if it names one. */
function referenceOf(name: string, argument: unknown, scope: TemplateScope): string | undefined {
    let target: unknown;
    if (name === "Ref") target = argument;
    else if (name === "Fn::GetAtt") target = Array.isArray(argument) ? argument[0] : typeof argument === "string" ? argument.split(".")[0] : undefined;
    return typeof target === "string" ? scope.resourceIds.get(target) : undefined;
}

/**
 * The text of a `Fn::Sub` or `Fn::Join` when nothing in it depends on what only CloudFormation knows (a parameter
 * not given, a resource's attribute): pseudo parameters stay as `${AWS::Region}`, which no check reads as more.
 */
function textOf(name: string, argument: unknown, scope: TemplateScope): string | undefined {
    if (name === "Fn::Sub") {
        const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
        if (typeof template !== "string" || typeof variables !== "object" || variables === null || Array.isArray(variables)) return undefined;
        let known = true;
        const text = template.replace(/\$\{(!?)([^}]*)\}/g, (whole, escaped: string, variable: string) => {
            if (escaped) return `\${${variable}}`;
            const value = Object.prototype.hasOwnProperty.call(variables, variable)
                ? partText((variables as Record<string, unknown>)[variable], scope)
                : partText({ Ref: variable }, scope);
            if (value === undefined) known = false;
            return value ?? whole;
        });
        return known ? text : undefined;
    }
    if (name === "Fn::Join") {
        if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== "string" || !Array.isArray(argument[1])) return undefined;
        const parts: string[] = [];
        for (const part of argument[1]) {
            const text = partText(part, scope);
            if (text === undefined) return undefined;
            parts.push(text);
        }
        return parts.join(argument[0]);
    }
    return undefined;
}

/** A part of a join or a Sub variable as text: a literal, a pseudo parameter, a given parameter, or a function of those. */
function partText(part: unknown, scope: TemplateScope): string | undefined {
    if (typeof part === "string" || typeof part === "number" || typeof part === "boolean") return String(part);
    if (typeof part !== "object" || part === null || Array.isArray(part) || Object.keys(part).length !== 1) return undefined;
    const [key] = Object.keys(part);
    const argument = (part as Record<string, unknown>)[key];
    if (key === "Ref" && typeof argument === "string") {
        if (pseudoParameters.has(argument)) return `\${${argument}}`;
        const given = parameterValue(argument, scope);
        return typeof given === "string" ? given : undefined;
    }
    const chosen = workedOut(key, argument, scope);
    if (chosen !== undecided) return partText(chosen, scope);
    return textOf(key, argument, scope);
}
