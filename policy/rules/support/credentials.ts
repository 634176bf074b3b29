// What a plain environment value holding a credential looks like (`ecs-no-secrets-in-environment`).

const credentialValues = [
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
    /-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----/,
    // A password given as a URL or JDBC/ODBC connection-string parameter: `?password=`, `&password=`, `;password=`, `pwd=`.
    /(?:^|[?&;])\s*(?:password|pwd)\s*=\s*[^\s&;]/i,
    /\bpwd\s*=\s*[^\s&;]/i,
];
const harmlessValue = /^\s*(-?\d+(\.\d+)?|true|false|yes|no|on|off)\s*$/i;

/**
 * A URL with a password in it, whatever its scheme (`redis://:pw@h`, `jdbc:postgresql://u:pw@h/db`, `mongodb+srv://`).
 * Scans each `://` once up to the end of its authority, so a long value costs linear time.
 */
export function hasUrlPassword(value: string): boolean {
    for (let at = value.indexOf("://"); at !== -1; at = value.indexOf("://", at + 3)) {
        const start = at + 3;
        let end = start;
        while (end < value.length && !"/?#\\ \t\r\n".includes(value[end])) end++;
        const authority = value.slice(start, end);
        const userinfo = authority.slice(0, Math.max(0, authority.lastIndexOf("@")));
        const colon = userinfo.indexOf(":");
        if (colon !== -1 && colon < userinfo.length - 1) return true;
    }
    return false;
}

/** A value only a number or a boolean word is no secret, whatever its name (`TOKEN_EXPIRE_MINUTES=30`). */
export function isHarmless(value: string): boolean {
    return value.trim() === "" || harmlessValue.test(value);
}

export function looksLikeCredential(value: string): boolean {
    return hasUrlPassword(value) || credentialValues.some((re) => re.test(value));
}
