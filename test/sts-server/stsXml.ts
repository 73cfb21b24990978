/**
 * XML bodies in the shape the STS Query API returns them
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Examples).
 */

export const stsNamespace = 'https://sts.amazonaws.com/doc/2011-06-15/';

export type XmlFields = { [element: string]: string | number | XmlFields | undefined };

export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

function renderFields(fields: XmlFields, indent: string): string {
  return Object.entries(fields)
    .filter((entry): entry is [string, string | number | XmlFields] => entry[1] !== undefined)
    .map(([name, value]) =>
      typeof value === 'object'
        ? `${indent}<${name}>\n${renderFields(value, `${indent}  `)}${indent}</${name}>\n`
        : `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`,
    )
    .join('');
}

export function successBody(action: string, result: XmlFields, requestId: string): string {
  return (
    `<${action}Response xmlns="${stsNamespace}">\n` +
    `  <${action}Result>\n${renderFields(result, '    ')}  </${action}Result>\n` +
    `  <ResponseMetadata>\n    <RequestId>${escapeXml(requestId)}</RequestId>\n  </ResponseMetadata>\n` +
    `</${action}Response>\n`
  );
}

export interface StsErrorBody {
  type: 'Sender' | 'Receiver';
  code: string;
  message: string;
}

export function errorBody(error: StsErrorBody, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${stsNamespace}">\n` +
    `  <Error>\n    <Type>${error.type}</Type>\n    <Code>${escapeXml(error.code)}</Code>\n` +
    `    <Message>${escapeXml(error.message)}</Message>\n  </Error>\n` +
    `  <RequestId>${escapeXml(requestId)}</RequestId>\n` +
    `</ErrorResponse>\n`
  );
}
