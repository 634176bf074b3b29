module ecs-guardrails/test/provider-json

go 1.24

require github.com/aws/aws-sdk-go-v2/service/ecs v1.104.2

require github.com/aws/smithy-go v1.28.8 // indirect
