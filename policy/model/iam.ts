// IAM policy documents (ECR repository policies), as JSON strings or objects.
import type { PolicyStatement } from "./ecs";
import { Field, Reader, isPlainObject, isUnreadable } from "./values";

export function readPolicyStatements(value: unknown, path: string, read: Reader): Field<PolicyStatement[]> {
    let doc = value;
    if (typeof doc === "string") {
        const text = read.string(doc, path);
        if (text === undefined || isUnreadable(text)) return text;
        try {
            doc = JSON.parse(text);
        } catch {
            return read.problem(path, "is not valid JSON");
        }
    }
    const policy = read.object(doc, path);
    if (policy === undefined || isUnreadable(policy)) return policy;
    const raw = policy.Statement;
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const statements: PolicyStatement[] = [];
    for (let i = 0; i < list.length; i++) {
        const s = read.object(list[i], `${path}.Statement[${i}]`);
        if (isUnreadable(s)) return s;
        if (s === undefined) continue;
        statements.push({
            effect: typeof s.Effect === "string" ? s.Effect : "",
            principalIsEveryone: isEveryone(s.Principal),
            hasCondition: isPlainObject(s.Condition) && Object.keys(s.Condition).length > 0,
            sid: typeof s.Sid === "string" ? s.Sid : undefined,
        });
    }
    return statements;
}

function isEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    if (!isPlainObject(principal)) return false;
    const aws = principal.AWS;
    return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}
