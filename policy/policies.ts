// Every policy of the pack, as @pulumi/policy objects; importable without starting a policy server.
import type { Policies } from "@pulumi/policy";
import { toResourcePolicy, toStackPolicy } from "./pack/adapter";
import { configReport, exemptionReport, notKnownYetReport } from "./pack/own-policies";
import { rules } from "./rules";

export const policies: Policies = [
    ...rules.map((rule) => (rule.kind === "resource" ? toResourcePolicy(rule) : toStackPolicy(rule))),
    // Last: they report what the others met.
    exemptionReport,
    notKnownYetReport,
    configReport,
];
