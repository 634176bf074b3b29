// Each service has a security group of its own (#awsvpc-network-mode).
import type { StackFinding, StackRule } from "../rule";
import { ownerOf, quote, securityGroupsOf, serviceKinds, shortName } from "../support";

export const securityGroupPerService: StackRule = {
    kind: "stack",
    name: "ecs-security-group-per-service",
    description: "Each service has at least one security group that no other service uses (shared extra groups beside it are fine).",
    level: "mandatory",
    severity: "high",
    source: { guide: ["awsvpc-network-mode"] },
    appliesTo: serviceKinds,
    scope: "stack: services, task sets, Express Gateway Services",
    remediationSteps: "Create a security group for each service and allow traffic between services by group reference; keep shared groups (VPC endpoints) as extras.",
    config: {},
    check(resources, _config, stack) {
        const all = resources.filter((r) => r.model.service);
        const services = all.filter((r) => r.model.kind === "service");
        const members = all.map((entry) => ({ entry, owner: ownerOf(entry, services), ...securityGroupsOf(entry, stack) }));
        const ownersOfGroup = new Map<string, Set<string>>();
        for (const m of members) {
            for (const g of m.groups) {
                const owners = ownersOfGroup.get(g) ?? new Set<string>();
                owners.add(m.owner);
                ownersOfGroup.set(g, owners);
            }
        }
        const nameOfOwner = (urn: string) => all.find((r) => r.model.urn === urn)?.model.name ?? urn.split("::").pop()!;
        const findings: StackFinding[] = [];
        for (const m of members) {
            if (m.groups.length === 0 || m.notKnownYet) continue; // none at all: ecs-service-security-group
            const ownGroup = m.groups.some((g) => ownersOfGroup.get(g)!.size === 1);
            if (ownGroup) continue;
            const sharing = m.groups.map((g) => {
                const others = [...ownersOfGroup.get(g)!].filter((o) => o !== m.owner).map((o) => quote(nameOfOwner(o)));
                return `${quote(shortName(g))} with ${others.join(", ")}`;
            });
            findings.push({
                urn: m.entry.model.urn,
                path: m.entry.model.service!.paths.securityGroups,
                message: `Service ${quote(m.entry.model.name)} has no security group of its own: it shares ${sharing.join("; ")}. Create a security group for this service.`,
            });
        }
        return findings;
    },
};
