// Resources AWS itself owns inside a customer's account. IAM and KMS refuse these requests
// whatever the caller's policies say, and in every account, so an `Allow` of `iam:*` on `*`
// does not make them possible.
interface ProtectedResource {
  /** Says what the resource is, completing "AWS managed: …". */
  what: string;
  doc: string;
  resource: RegExp;
  /** Lower-cased actions AWS refuses on it, each with the reason shown to the user. */
  refused: ReadonlyMap<string, string>;
}

const changeManagedPolicy = 'no customer can change, tag or delete an AWS managed policy';
const changeServiceLinkedRole = 'only its service defines its permissions, trust policy and tags';

const PROTECTED: readonly ProtectedResource[] = [
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies
    what: 'an AWS managed policy',
    doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies',
    resource: /^arn:[^:]+:iam::aws:policy\//,
    refused: new Map(
      ['createpolicyversion', 'deletepolicy', 'deletepolicyversion', 'setdefaultpolicyversion', 'tagpolicy', 'untagpolicy'].map((a) => [`iam:${a}`, changeManagedPolicy]),
    ),
  },
  {
    // The service defines the role's permissions and trust policy; an administrator may edit only
    // its description, and deletes it with iam:DeleteServiceLinkedRole once the service no longer
    // uses it. Passing the role (iam:PassRole) stays a matter of policies: some services take a
    // service-linked role as a parameter (EC2 Auto Scaling's custom-suffix roles).
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
    what: 'a service-linked role',
    doc: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html',
    resource: /^arn:[^:]+:iam::[^:]*:role\/aws-service-role\//,
    refused: new Map([
      ...[
        'attachrolepolicy',
        'detachrolepolicy',
        'putrolepolicy',
        'deleterolepolicy',
        'updateassumerolepolicy',
        'putrolepermissionsboundary',
        'deleterolepermissionsboundary',
        'tagrole',
        'untagrole',
      ].map((a): [string, string] => [`iam:${a}`, changeServiceLinkedRole]),
      ['iam:deleterole', 'it is deleted only with iam:DeleteServiceLinkedRole'],
    ]),
  },
  {
    // "The alias/aws/ prefix is reserved for AWS managed keys."
    what: 'a KMS alias reserved for AWS managed keys (alias/aws/…)',
    doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html',
    resource: /^arn:[^:]+:kms:[^:]*:[^:]*:alias\/aws\//,
    refused: new Map(['createalias', 'updatealias', 'deletealias'].map((a) => [`kms:${a}`, 'only AWS creates, updates or deletes these aliases'])),
  },
];

/** The protected resource and reason when AWS refuses this action on this resource. */
export function awsProtection(action: string, resource: string): { what: string; why: string; doc: string } | undefined {
  const lower = action.toLowerCase();
  for (const p of PROTECTED) {
    const why = p.refused.get(lower);
    if (why !== undefined && p.resource.test(resource)) return { what: p.what, why, doc: p.doc };
  }
  return undefined;
}
