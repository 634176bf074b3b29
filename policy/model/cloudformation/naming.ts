// CloudFormation names and aws-native names: aws-native is generated from the CloudFormation schemas, so a
// CloudFormation property is the aws-native property of the same name in lowerCamelCase (its acronyms lowered
// the way pulumi-aws-native's naming does it: `EnableECSManagedTags` is `enableEcsManagedTags`).

const upper = (c: string | undefined) => c !== undefined && ((c >= "A" && c <= "Z") || (c >= "0" && c <= "9"));

/** The first run of two or more capitals and digits, without the capital that starts the next word. */
function firstAcronym(s: string): [number, number] {
    let start = -1;
    for (let i = 0; i <= s.length; i++) {
        if (i < s.length && upper(s[i])) {
            if (start === -1) start = i;
            continue;
        }
        if (start !== -1 && i - start >= 2) {
            const atEnd = i === s.length;
            const pluralS = s[i] === "s" && (i + 1 === s.length || upper(s[i + 1])); // "ARNs"
            return [start, atEnd || pluralS ? i : i - 1];
        }
        start = -1;
    }
    return [-1, -1];
}

function lowerAcronyms(s: string): string {
    const [start, end] = firstAcronym(s);
    if (start === -1) return s;
    return s.slice(0, start + 1) + s.slice(start + 1, end).toLowerCase() + lowerAcronyms(s.slice(end));
}

/** The aws-native (SDK) name of a CloudFormation property: `EFSVolumeConfiguration` -> `efsVolumeConfiguration`. */
export function sdkNameOf(cloudFormationName: string): string {
    const s = lowerAcronyms(cloudFormationName);
    return s.length > 0 && s[0] >= "A" && s[0] <= "Z" ? s[0].toLowerCase() + s.slice(1) : s;
}

/** The aws-native type token of a CloudFormation type: `AWS::ECS::TaskDefinition` -> `aws-native:ecs:TaskDefinition`. */
export function awsNativeTokenOf(cloudFormationType: string): string | undefined {
    const parts = cloudFormationType.split("::");
    if (parts.length !== 3 || parts[0] !== "AWS") return undefined;
    return `aws-native:${lowerAcronyms(parts[1]).toLowerCase()}:${lowerAcronyms(parts[2])}`;
}

/**
 * CloudFormation names that do not come back from their aws-native name by a capital first letter, for the
 * properties the policies name even when a template leaves them out.
 */
const irreversible: Readonly<Record<string, string>> = {
    enableEcsManagedTags: "EnableECSManagedTags",
    efsVolumeConfiguration: "EFSVolumeConfiguration",
};

/**
 * Spells a model path (aws-native names) as CloudFormation does: each property as the template wrote it, else
 * its CloudFormation name. `spelled` holds the names the template used, by their aws-native name.
 */
export function cloudFormationPath(path: string, spelled: ReadonlyMap<string, string>): string {
    return path.replace(/[A-Za-z][A-Za-z0-9]*/g, (name, offset: number) => {
        if (offset > 0 && path[offset - 1] !== "." ) return name; // only property names, never an index or a value
        return spelled.get(name) ?? irreversible[name] ?? name[0].toUpperCase() + name.slice(1);
    });
}
