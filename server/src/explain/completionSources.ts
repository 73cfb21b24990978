// Fixed lists completion offers: common service principals, identity providers, operators.
import { CONDITION_OPERATORS } from '../iam/condition-operators';

/** Service principals people put in trust and resource policies most often; not exhaustive. */
export const COMMON_SERVICE_PRINCIPALS: readonly string[] = [
  'ec2.amazonaws.com',
  'lambda.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'eks.amazonaws.com',
  'pods.eks.amazonaws.com',
  'states.amazonaws.com',
  'events.amazonaws.com',
  'scheduler.amazonaws.com',
  'apigateway.amazonaws.com',
  'sns.amazonaws.com',
  'sqs.amazonaws.com',
  's3.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'logs.amazonaws.com',
  'delivery.logs.amazonaws.com',
  'firehose.amazonaws.com',
  'glue.amazonaws.com',
  'sagemaker.amazonaws.com',
  'bedrock.amazonaws.com',
  'codebuild.amazonaws.com',
  'codepipeline.amazonaws.com',
  'cloudformation.amazonaws.com',
  'config.amazonaws.com',
  'backup.amazonaws.com',
  'ssm.amazonaws.com',
  'monitoring.amazonaws.com',
  'elasticmapreduce.amazonaws.com',
  'batch.amazonaws.com',
  'datasync.amazonaws.com',
  'dms.amazonaws.com',
  'rds.amazonaws.com',
  'redshift.amazonaws.com',
  'cloudfront.amazonaws.com',
  'elasticloadbalancing.amazonaws.com',
  'kms.amazonaws.com',
  'secretsmanager.amazonaws.com',
  'guardduty.amazonaws.com',
  'securityhub.amazonaws.com',
  'access-analyzer.amazonaws.com',
  'rolesanywhere.amazonaws.com',
  'edgelambda.amazonaws.com',
  'appsync.amazonaws.com',
  'cognito-idp.amazonaws.com',
];

/** `Federated` values: built-in web identity providers and the shapes of provider ARNs (snippets). */
export const FEDERATED_PRINCIPALS: ReadonlyArray<{ label: string; snippet: string; detail: string }> = [
  { label: 'arn:aws:iam::ACCOUNT:oidc-provider/token.actions.githubusercontent.com', snippet: 'arn:aws:iam::${1:123456789012}:oidc-provider/token.actions.githubusercontent.com', detail: 'GitHub Actions OIDC provider' },
  { label: 'arn:aws:iam::ACCOUNT:oidc-provider/HOST', snippet: 'arn:aws:iam::${1:123456789012}:oidc-provider/${2:HOST}', detail: 'OIDC identity provider' },
  { label: 'arn:aws:iam::ACCOUNT:saml-provider/NAME', snippet: 'arn:aws:iam::${1:123456789012}:saml-provider/${2:NAME}', detail: 'SAML identity provider' },
  { label: 'cognito-identity.amazonaws.com', snippet: 'cognito-identity.amazonaws.com', detail: 'Amazon Cognito identity pools' },
  { label: 'accounts.google.com', snippet: 'accounts.google.com', detail: 'Google' },
  { label: 'graph.facebook.com', snippet: 'graph.facebook.com', detail: 'Facebook' },
  { label: 'www.amazon.com', snippet: 'www.amazon.com', detail: 'Login with Amazon' },
];

/** `AWS` principal shapes (snippets). */
export const AWS_PRINCIPALS: ReadonlyArray<{ label: string; snippet: string; detail: string }> = [
  { label: 'arn:aws:iam::ACCOUNT:root', snippet: 'arn:aws:iam::${1:123456789012}:root', detail: 'A whole AWS account' },
  { label: 'arn:aws:iam::ACCOUNT:role/NAME', snippet: 'arn:aws:iam::${1:123456789012}:role/${2:NAME}', detail: 'An IAM role' },
  { label: 'arn:aws:iam::ACCOUNT:user/NAME', snippet: 'arn:aws:iam::${1:123456789012}:user/${2:NAME}', detail: 'An IAM user' },
  { label: '*', snippet: '*', detail: 'Everyone (narrow it with a condition)' },
];

export interface OperatorChoice {
  name: string;
  /** Plain operators first, then IfExists, then the set qualifiers. */
  rank: number;
}

/** Every operator as it may be written: with `IfExists` and the `ForAllValues:`/`ForAnyValue:` qualifiers. */
export function operatorChoices(): OperatorChoice[] {
  const out: OperatorChoice[] = [];
  for (const base of CONDITION_OPERATORS) {
    out.push({ name: base, rank: 0 });
    // Null tests presence: it takes neither IfExists nor a set qualifier.
    if (base === 'Null') continue;
    out.push({ name: `${base}IfExists`, rank: 1 });
    for (const q of ['ForAnyValue', 'ForAllValues']) {
      out.push({ name: `${q}:${base}`, rank: 2 });
      out.push({ name: `${q}:${base}IfExists`, rank: 3 });
    }
  }
  return out;
}
