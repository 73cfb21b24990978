/**
 * The inline policy the IAM console's "Revoke active sessions" attaches to a role: deny
 * everything to sessions whose token was issued before the given time. Sessions issued later
 * are not affected. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
 */

export const revokePolicyName = 'AWSRevokeOlderSessions';

export interface RevokeOlderSessionsPolicy {
  Version: '2012-10-17';
  Statement: Array<{
    Effect: 'Deny';
    Action: ['*'];
    Resource: ['*'];
    Condition: { DateLessThan: { 'aws:TokenIssueTime': string } };
  }>;
}

/** ISO 8601 in UTC without milliseconds, as the console writes it (`2014-05-07T23:47:00Z`). */
export function tokenIssueTimeValue(revokedAt: Date): string {
  return revokedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function revokeOlderSessionsPolicy(revokedAt: Date): RevokeOlderSessionsPolicy {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: ['*'],
        Resource: ['*'],
        Condition: { DateLessThan: { 'aws:TokenIssueTime': tokenIssueTimeValue(revokedAt) } },
      },
    ],
  };
}

/** Pretty-printed JSON for `aws iam put-role-policy --policy-document` or the editor. */
export function revokeOlderSessionsPolicyJson(revokedAt: Date): string {
  return JSON.stringify(revokeOlderSessionsPolicy(revokedAt), null, 2);
}

/** The CLI command that attaches it (the extension shows it; it does not call IAM itself). */
export function revokeOlderSessionsCommand(roleName: string, revokedAt: Date): string {
  const document = JSON.stringify(revokeOlderSessionsPolicy(revokedAt));
  return `aws iam put-role-policy --role-name ${roleName} --policy-name ${revokePolicyName} --policy-document '${document}'`;
}
