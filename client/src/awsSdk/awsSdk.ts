// Everything the extension uses of the AWS SDK, bundled on its own (dist/aws-sdk.js, see
// esbuild.mjs) and loaded by loadAwsSdk on the first STS, IAM Identity Center or profile call:
// the SDK is about 400 KB of the extension's code and ~50 ms of loading, which activation (opening
// a policy) does not need.
export {
  AssumeRoleCommand,
  AssumeRoleWithSAMLCommand,
  AssumeRoleWithWebIdentityCommand,
  DecodeAuthorizationMessageCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
export { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
export { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
export { fromContainerMetadata, fromEnv, fromIni, fromInstanceMetadata, fromNodeProviderChain } from '@aws-sdk/credential-providers';
