// Bad command-line usage: reported with the usage text and exit status 2.
export class UsageError extends Error {}

export const USAGE = `Usage:
  iam-sts lint [--kind K] [--own-accounts A,B] [--format text|json|sarif] PATH...
  iam-sts simulate [--format text|json] [--root DIR] FILE...
  iam-sts check-no-new-access --policy-type T --existing-policy-document F --new-policy-document F [--format text|json]
  iam-sts check-no-public-access --resource-type T --policy-document F [--format text|json]
  iam-sts check-access-not-granted --policy-type T --policy-document F --access JSON [--format text|json]

lint
  PATH            a policy file, a CloudFormation/SAM template, a .tf file, or a folder of them (recursively)
  --kind K        treat every file as this kind: identity, resource, trust, session, boundary, scp, rcp
  --own-accounts  comma-separated account IDs that are yours (for trust-policy checks)
  --format        text (default), json, or sarif (SARIF 2.1.0 for code-scanning upload)
  Symbolic links are followed; what cannot be read as a file (a broken link, a loop, a FIFO)
  is skipped with a line on stderr. An unreadable file is a FILE_UNREADABLE error.
  Exit status: 0 no ERROR finding, 1 at least one ERROR finding, 2 bad usage.

simulate
  FILE            a scenario file (*.iamsim.json), or a folder (every scenario in it)
  --format        text (default) or json
  --root DIR      the folder a scenario's policy files must be inside (default: the current
                  folder); a path leading elsewhere, or to a device or FIFO, is refused
  Exit status: 0 every expectation met, 1 an expectation failed or a scenario has errors, 2 bad usage.

check-no-new-access, check-no-public-access, check-access-not-granted
  Offline IAM Access Analyzer custom policy checks; F is a policy file (or file://F), or a policy inside a
  template or a .tf file: template.yaml#VendorRole.AssumeRolePolicyDocument, main.tf#data.aws_iam_policy_document.read.
  --policy-type   IDENTITY_POLICY, RESOURCE_POLICY, TRUST_POLICY, or a kind: identity, resource, trust, session, boundary, scp, rcp
  --resource-type AWS::S3::Bucket, AWS::S3::AccessPoint, AWS::KMS::Key, AWS::SQS::Queue, AWS::SNS::Topic, AWS::Lambda::Function,
                  AWS::SecretsManager::Secret, AWS::ECR::Repository, AWS::IAM::AssumeRolePolicyDocument, …
  --access        the API's access list: '[{"actions": ["iam:PassRole"], "resources": ["*"]}]' (or file://F)
  --format        text (default) or json ({ "result", "message", "reasons" } as the API)
  Exit status: 0 PASS, 1 FAIL, 2 bad usage.`;
