// No secret in a plain environment variable (Security Hub ECS.8).
import type { ResourceRule } from "../rule";
import { compilePatterns, forEachContainer, isHarmless, isKnown, looksLikeCredential, quote, securityHubUrl, taskKinds } from "../support";

const defaultSecretNames = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_?KEY", "ACCESS_?KEY", "PRIVATE_?KEY", "CREDENTIAL", "AUTH_?KEY", "CLIENT_?SECRET", "CONNECTION_?STRING", "_DSN$"];

export const noSecretsInEnvironment: ResourceRule<{ secretNamePatterns: string[]; allowNames: string[] }> = {
    kind: "resource",
    name: "ecs-no-secrets-in-environment",
    description: "No plain environment variable carries a secret (by its name, or a value that looks like a credential); use `secrets`.",
    level: "mandatory",
    severity: "critical",
    source: { controls: ["Security Hub ECS.8", "trivy AVD-AWS-0036", "KICS"], url: securityHubUrl("ecs-8") },
    appliesTo: taskKinds,
    scope: "each container",
    remediationSteps: "Move the value to Secrets Manager or SSM Parameter Store and reference it from the container's `secrets` (valueFrom), not `environment`.",
    config: {
        secretNamePatterns: { type: "array", items: { type: "string" }, default: defaultSecretNames, description: "Case-insensitive regular expressions (RE2 syntax); a variable whose name matches one holds a secret.", regex: true },
        allowNames: { type: "array", items: { type: "string" }, default: [], description: "Exact variable names that never count." },
    },
    check(resource, config) {
        const names = compilePatterns(config.secretNamePatterns, "secretNamePatterns", { ignoreCase: true });
        if (!names.ok) return [{ path: "", message: names.problem }];
        const allowed = new Set(config.allowNames);
        return forEachContainer(resource, (c, out) => {
            if (!isKnown(c.environment, out)) return;
            for (const v of c.environment ?? []) {
                if (typeof v.name !== "string" || allowed.has(v.name)) continue;
                if (!isKnown(v.value, out)) continue;
                const value = v.value ?? "";
                if (isHarmless(value)) continue;
                const byValue = looksLikeCredential(value);
                if (byValue || names.test(v.name)) {
                    const why = byValue ? "holds a value that looks like a credential" : "is named like a secret";
                    out.push({ path: `${v.path}.value`, message: `${c.label} environment variable ${quote(v.name)} ${why} and is stored in plain text in the task definition. Move it to \`secrets\` (Secrets Manager or SSM).` });
                }
            }
        });
    },
};
