// What the checking policies met during one preview or update, for the pack's own policies to say once at its end:
// the exemptions used, and what could not be checked yet.
import type { ResourceModel } from "../model";
import type { Exemption } from "./exemptions";

const exemptionsUsed = new Map<string, Exemption>();

export function recordExemption(exemption: Exemption): void {
    if (exemptionsUsed.size > 100_000) exemptionsUsed.clear();
    // By name too: the resources of one CloudFormation template share their stack's URN.
    exemptionsUsed.set(`${exemption.urn}\u0000${exemption.name}\u0000${exemption.policy}`, exemption);
}

/** The exemptions used since the last call. */
export function takeExemptions(): Exemption[] {
    const used = [...exemptionsUsed.values()];
    exemptionsUsed.clear();
    return used;
}

/** A resource some policies could not check yet: which properties, and which policies wait for them. */
export interface NotKnownYet {
    urn: string;
    name: string;
    type: string;
    /** Set for a resource a template or a Cloud Control resource declares (the diagnostic goes to that resource). */
    declaredIn?: ResourceModel["declaredIn"];
    paths: Set<string>;
    policies: Set<string>;
}

const notKnownYet = new Map<string, NotKnownYet>();

export function recordNotKnownYet(model: Pick<ResourceModel, "urn" | "name" | "type" | "declaredIn">, policy: string, paths: string[]): void {
    let note = notKnownYet.get(model.urn);
    if (!note) {
        if (notKnownYet.size > 100_000) notKnownYet.clear();
        note = { urn: model.urn, name: model.name, type: model.type, declaredIn: model.declaredIn, paths: new Set(), policies: new Set() };
        notKnownYet.set(model.urn, note);
    }
    for (const path of paths) note.paths.add(path);
    note.policies.add(policy);
}

/** What could not be checked since the last call, per resource. */
export function takeNotKnownYet(): NotKnownYet[] {
    const notes = [...notKnownYet.values()];
    notKnownYet.clear();
    return notes;
}
