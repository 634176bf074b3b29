// What the rules share: reading containers, quoting, sidecars, patterns, credentials and stack helpers.
export * from "./each-container";
export * from "./credentials";
export * from "./findings";
export * from "./patterns";
export * from "./quoting";
export * from "./services";
export * from "./sidecars";
export * from "./stack";
