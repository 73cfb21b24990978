// Large inputs the settings allow, generated: the shapes that were once quadratic.

/** A trust policy naming `count` accounts in one statement (4,000 make about 130 KB). */
export function trustPolicyWithPrincipals(count: number): string {
  const principals = Array.from({ length: count }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`);
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }] });
}

/** An identity policy of `count` statements, one in three a Deny (12,000 make about 900 KB). */
export function policyWithStatements(count: number): string {
  const statements = Array.from({ length: count }, (_, i) => ({ Effect: i % 3 ? 'Allow' : 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::b${i}/*` }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** A scenario of `count` tests that are not objects: one problem each (40,000 make 80 KB). */
export function scenarioOfBadTests(count: number): string {
  return JSON.stringify({ principal: 'arn:aws:iam::111122223333:role/R', tests: Array(count).fill(1) });
}
