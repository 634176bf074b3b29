// TEST ONLY: a stand-in for the AWS provider plugins (pulumi-resource-aws, and pulumi-resource-aws-native with
// STAND_IN_PACKAGE=@pulumi/aws-native). It serves the provider gRPC protocol with Pulumi's Node SDK, makes no
// network call and creates nothing: Check and Diff echo the inputs, Create returns a made-up id and the inputs
// (plus the ids and ARNs other resources read) as outputs.
"use strict";
const path = require("path");
const root = path.resolve(__dirname, "..", "..", "..");
const { provider } = require(require.resolve("@pulumi/pulumi", { paths: [root] }));

const sdk = process.env.STAND_IN_PACKAGE || "@pulumi/aws";
const version = process.env.STAND_IN_AWS_VERSION || require(require.resolve(`${sdk}/package.json`, { paths: [root] })).version;
let counter = 0;

function nameOf(urn) {
    return urn.split("::").pop();
}

/** The resource's own type: the URN's type segment is its parents' types and its own, joined by `$`. */
function typeOf(urn) {
    return (urn.split("::")[2] || "").split("$").pop();
}

function outputsFor(urn, inputs, id) {
    const type = typeOf(urn);
    const service = (type.split(":")[1] || "x").split("/")[0];
    const name = typeof inputs.name === "string" ? inputs.name : nameOf(urn);
    const outs = { ...inputs, id, arn: `arn:aws:${service}:us-east-1:123456789012:${nameOf(urn)}/${id}` };
    if (outs.name === undefined) outs.name = name;
    if (type === "aws:ecr/repository:Repository") outs.repositoryUrl = `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}`;
    if (type === "aws:lb/loadBalancer:LoadBalancer") outs.dnsName = `${name}.elb.example.internal`;
    return outs;
}

const standIn = {
    version,
    async check(_urn, _olds, news) {
        return { inputs: news };
    },
    async diff(_id, _urn, olds, news) {
        const strip = (o) => JSON.stringify(o, Object.keys(o || {}).filter((k) => k !== "__defaults").sort());
        return { changes: strip(olds) !== strip(news) };
    },
    async create(urn, inputs) {
        const id = `${nameOf(urn)}-${Date.now().toString(36)}${(counter++).toString(36)}`;
        return { id, outs: outputsFor(urn, inputs, id) };
    },
    async read(id, _urn, props) {
        return { id, props };
    },
    async update(id, urn, _olds, news) {
        return { outs: outputsFor(urn, news, id) };
    },
    async delete() {},
    async invoke(token, inputs) {
        // The stand-in is a provider configured for us-east-1 (its ARNs say so too).
        if (token === "aws:index/getRegion:getRegion") {
            const region = inputs.region || "us-east-1";
            return { outputs: { id: region, region, name: region, endpoint: `ec2.${region}.amazonaws.com`, description: region } };
        }
        throw new Error(`the stand-in AWS provider answers no other data source calls (${token})`);
    },
};

provider.main(standIn, process.argv.slice(2));
