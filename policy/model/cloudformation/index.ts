// Resources declared inside another Pulumi resource: a Cloud Control resource's `desiredState` and a CloudFormation
// stack's template. Each ECS or ECR resource there is read as its aws-native twin (one reading of CloudFormation
// properties), so the rules see it as they see any other.
import { awsNativeReferences, awsNativeTypes, tagList } from "../awsNative";
import { emptyModel, mapResource } from "../build";
import type { ProviderInputs, ResourceModel } from "../ecs";
import { defaultTagsOf, regionOf } from "../provider";
import { Field, Reader, Unreadable, everyPropertyIs, isPlainObject, isRedacted, isUnknownSentinel, isUnreadable } from "../values";
import { awsNativeTokenOf, cloudFormationPath } from "./naming";
import { conditionValue, readProperties } from "./properties";
import { readTemplate } from "./template";

/** What could not be read of a resource that may declare ECS resources, said by `ecs-guardrails-not-known-yet`. */
export interface Unread {
    /** Its property (`templateUrl`) or template path (`Resources.Nested`). */
    path: string;
    /** Why, as one sentence (the diagnostic names the resource). */
    why: string;
}

/** A template resource the stack rules follow by reference (a role, a security group, a VPC). */
export interface TemplateReference {
    urn: string;
    name: string;
    /** Its aws-native type token (the same reference tables serve both). */
    type: string;
}

export interface Declared {
    models: ResourceModel[];
    unread: Unread[];
    references: TemplateReference[];
}

const nothing = (): Declared => ({ models: [], unread: [], references: [] });

type DeclaredReader = (props: Record<string, unknown>, name: string, urn: string, secretPaths: readonly string[], provider?: ProviderInputs) => Declared;

const generic: Record<string, DeclaredReader> = {
    "aws:cloudcontrol/resource:Resource": cloudControlResource,
    "aws:cloudformation/stack:Stack": (p, n, u, s, pr) => cloudFormationStack(p, n, u, s, pr, tagMap(p)),
    "aws-native:cloudformation:Stack": (p, n, u, s, pr) => cloudFormationStack(p, n, u, s, pr, tagList(p, new Reader())),
    // A stack set deploys its template in other accounts and regions: its resources are compared among themselves.
    "aws:cloudformation/stackSet:StackSet": (p, n, u, s, pr) => cloudFormationStack(p, n, u, s, pr, tagMap(p), `stack set ${u}`),
    "aws-native:cloudformation:StackSet": (p, n, u, s, pr) => cloudFormationStack(p, n, u, s, pr, tagList(p, new Reader()), `stack set ${u}`),
};

/** True for the Pulumi types that declare resources of their own (Cloud Control, CloudFormation stacks). */
export function declaresResources(type: string): boolean {
    return Object.prototype.hasOwnProperty.call(generic, type);
}

export const declaringTypes: readonly string[] = Object.keys(generic);

/** The CloudFormation types read, for the docs: each aws-native type's CloudFormation name. */
export function cloudFormationTypes(awsNativeTokens: readonly string[]): string[] {
    return awsNativeTokens.map((token) => {
        const [, module, name] = token.split(":");
        return `AWS::${module.toUpperCase()}::${name}`;
    }).filter((cfn) => awsNativeTokenOf(cfn) !== undefined && awsNativeTypes[awsNativeTokenOf(cfn)!] !== undefined);
}

export function declared(type: string, props: unknown, name: string, urn: string, secretPaths: readonly string[], provider?: ProviderInputs): Declared {
    if (!isPlainObject(props)) return nothing();
    try {
        return generic[type](props, name, urn, secretPaths, provider);
    } catch (e) {
        return { ...nothing(), unread: [{ path: "", why: `It could not be read (${e instanceof Error ? e.constructor.name : typeof e}); please report it to ecs-guardrails` }] };
    }
}

const isSecretUnder = (property: string, secretPaths: readonly string[]) =>
    secretPaths.some((p) => p === property || p.startsWith(`${property}.`) || p.startsWith(`${property}[`));

function shapeOf(cloudFormationType: string) {
    const token = awsNativeTokenOf(cloudFormationType);
    return token !== undefined && Object.prototype.hasOwnProperty.call(awsNativeTypes, token) ? awsNativeTypes[token] : undefined;
}

function cloudControlResource(props: Record<string, unknown>, name: string, urn: string, secretPaths: readonly string[], provider?: ProviderInputs): Declared {
    const typeName = props.typeName;
    if (isUnknownSentinel(typeName) || isRedacted(typeName)) {
        return { ...nothing(), unread: [{ path: "typeName", why: "typeName is not known until `pulumi up`: the resource it declares is checked then, before it is created" }] };
    }
    const shape = typeof typeName === "string" ? shapeOf(typeName) : undefined;
    if (!shape) return nothing();
    const read = new Reader(isSecretUnder("desiredState", secretPaths) ? [""] : []);
    const model = emptyModel(shape, typeName as string, name, urn, read, undefined);
    model.region = regionOf(props, provider, read);
    model.declaredIn = { urn, name, cloudFormationType: typeName as string, pathPrefix: "desiredState.", spell: (p) => cloudFormationPath(p, new Map()) };
    const state = props.desiredState;
    const whole = (reason: "notKnownYet" | "malformed") => {
        model.declaredIn = { ...model.declaredIn!, pathPrefix: "", spell: (p) => p }; // the path is the Pulumi property
        return { ...nothing(), models: [mapResource(model, shape, everyPropertyIs(new Unreadable(reason, "desiredState")), read)] };
    };
    if (isUnknownSentinel(state) || isRedacted(state)) return whole("notKnownYet");
    const text = read.string(state, "desiredState");
    if (text === undefined || isUnreadable(text)) return whole("malformed");
    const reading = readTemplate(text, { jsonOnly: true });
    if (!reading.ok || !isPlainObject(reading.template)) {
        read.problem("desiredState", reading.ok ? "is not a JSON object" : reading.problem);
        return whole("malformed");
    }
    const { props: native, spelled, problems } = readProperties(reading.template, "", { resourceIds: new Map(), intrinsics: false });
    for (const p of problems) read.problem(p.path, p.problem);
    model.declaredIn.spell = (p) => cloudFormationPath(p, spelled);
    mapResource(model, shape, native, read);
    spellPaths(model, model.declaredIn.spell);
    return { ...nothing(), models: [model] };
}

/** The aws provider's `tags` map of a stack (read apart: a stack's tags are not one of its resources' inputs). */
const tagMap = (p: Record<string, unknown>) => new Reader().object(p.tags, "tags");

/** The provider's default tags and the stack's own, which CloudFormation propagates to the resources it creates. */
function tagsFromAbove(provider: ProviderInputs | undefined, own: Field<Record<string, unknown>>): Field<Record<string, unknown>> {
    const defaults = defaultTagsOf(provider);
    if (isUnreadable(defaults)) return defaults;
    if (isUnreadable(own)) return own.reason === "notKnownYet" ? own : defaults;
    return defaults === undefined && own === undefined ? undefined : { ...defaults, ...own };
}

function cloudFormationStack(
    props: Record<string, unknown>, name: string, urn: string, secretPaths: readonly string[], provider: ProviderInputs | undefined, stackTags: Field<Record<string, unknown>>,
    landsIn?: string,
): Declared {
    const out = nothing();
    const body = props.templateBody;
    if (body === undefined || body === null || body === "") {
        if (props.templateUrl !== undefined && props.templateUrl !== null && props.templateUrl !== "") {
            out.unread.push({ path: "templateUrl", why: "The template is given only as templateUrl, which the pack cannot fetch: no ECS or ECR resource it declares is checked. Give the template as templateBody to have them checked" });
        }
        return out;
    }
    if (isUnknownSentinel(body) || isRedacted(body)) {
        out.unread.push({ path: "templateBody", why: "templateBody is not known until `pulumi up`: the ECS and ECR resources of the template are checked then, before the stack is created" });
        return out;
    }
    let template: unknown = body;
    if (typeof body === "string") {
        const reading = readTemplate(body);
        if (!reading.ok) {
            out.unread.push({ path: "templateBody", why: `templateBody ${reading.problem}: CloudFormation rejects it, and no resource in it is checked` });
            return out;
        }
        template = reading.template;
    }
    const resources = isPlainObject(template) ? template.Resources : undefined;
    if (!isPlainObject(template) || !isPlainObject(resources)) {
        out.unread.push({ path: "templateBody", why: "templateBody has no Resources section the pack can read: CloudFormation rejects it, and nothing in it is checked" });
        return out;
    }
    for (const transform of [template.Transform].flat().filter((t) => t !== undefined)) {
        const named = typeof transform === "string" ? ` '${transform}'` : "";
        out.unread.push({ path: "Transform", why: `The template uses the transform${named}: the resources the template declares are checked, not the ones the transform adds` });
    }
    const scope = {
        resourceIds: new Map(Object.keys(resources).map((id) => [id, `${urn}/${id}`])), intrinsics: true,
        mappings: template.Mappings, conditions: template.Conditions, parameters: props.parameters, parameterTypes: template.Parameters,
    };
    // Values from a secret template or a secret parameter are masked in every message.
    const secret = isSecretUnder("templateBody", secretPaths) || isSecretUnder("parameters", secretPaths);
    const inherited = tagsFromAbove(provider, stackTags);
    const region = landsIn ?? regionOf(props, provider, new Reader());
    for (const [logicalId, resource] of Object.entries(resources)) {
        if (!isPlainObject(resource) || typeof resource.Type !== "string") continue;
        // A resource whose condition is false (worked out from literals) is never created; one that depends on a parameter is checked.
        if (typeof resource.Condition === "string" && conditionValue(resource.Condition, scope) === false) continue;
        const cloudFormationType = resource.Type;
        const token = awsNativeTokenOf(cloudFormationType);
        if (cloudFormationType === "AWS::CloudFormation::Stack" || cloudFormationType === "AWS::Serverless::Application") {
            out.unread.push({ path: `Resources.${logicalId}`, why: `'${name}/${logicalId}' is a nested stack (${cloudFormationType}), whose template the pack does not fetch: the ECS and ECR resources in it are not checked` });
            continue;
        }
        if (token !== undefined && Object.prototype.hasOwnProperty.call(awsNativeReferences, token)) {
            out.references.push({ urn: `${urn}/${logicalId}`, name: `${name}/${logicalId}`, type: token });
        }
        const shape = shapeOf(cloudFormationType);
        if (!shape) continue;
        const read = new Reader(secret ? [""] : []);
        const model = emptyModel(shape, cloudFormationType, `${name}/${logicalId}`, `${urn}/${logicalId}`, read, inherited);
        model.region = region;
        model.declaredIn = { urn, name, logicalId, cloudFormationType, pathPrefix: `Resources.${logicalId}.Properties.`, spell: (p) => cloudFormationPath(p, new Map()) };
        const properties = resource.Properties ?? {};
        if (!isPlainObject(properties)) {
            read.problem("", "Properties is not an object");
            out.models.push(mapResource(model, shape, everyPropertyIs(new Unreadable("malformed", "")), read));
            continue;
        }
        const { props: native, spelled, problems } = readProperties(properties, "", scope);
        for (const p of problems) read.problem(p.path, p.problem);
        model.declaredIn.spell = (p) => cloudFormationPath(p, spelled);
        mapResource(model, shape, native, read);
        spellPaths(model, model.declaredIn.spell);
        out.models.push(model);
    }
    return out;
}

/** Data the model keeps as the input gave it (label keys are not property names). */
const asGiven: ReadonlySet<string> = new Set(["dockerLabels"]);

/** Spells every property path of the model (facet paths, findings' paths, unreadable values) as CloudFormation does. */
function spellPaths(model: ResourceModel, spell: (path: string) => string): void {
    const seen = new Set<object>();
    const visit = (node: unknown): void => {
        if (typeof node !== "object" || node === null || seen.has(node)) return;
        seen.add(node);
        if (node instanceof Unreadable) {
            (node as { path: string }).path = spell(node.path);
            return;
        }
        if (Array.isArray(node)) {
            node.forEach(visit);
            return;
        }
        if (!isPlainObject(node)) return;
        for (const key of Object.keys(node)) {
            const value = node[key];
            if (key === "paths" && typeof value === "object" && value !== null) {
                const spelled: Record<string, string> = {};
                for (const field in value) spelled[field] = spell((value as Record<string, string>)[field]);
                node[key] = spelled;
            } else if (key === "path" && typeof value === "string") {
                node[key] = spell(value);
            } else if (!asGiven.has(key)) {
                visit(value);
            }
        }
    };
    for (const facet of [model.task, model.service, model.cluster, model.capacityProvider, model.registryScanning, model.repository, model.repositoryPolicy, model.lifecyclePolicy]) visit(facet);
    for (const field of [model.tags, model.region]) if (field instanceof Unreadable) visit(field);
    for (const m of model.malformed) m.path = spell(m.path);
}
