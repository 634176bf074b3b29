// Amazon ECS components whose defaults pass the ecs-guardrails policy pack.
package ecsguardrails
