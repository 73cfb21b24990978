import * as vscode from 'vscode';
import type { IssuingApi } from '../sessions/stsTypes';
import { validateMfaCode, type DurationContext } from '../sessions/validation';
import { durationItems, parseDuration, type PreferredDuration } from './sessionInputs';

/**
 * Input boxes and pickers of the STS commands. Each returns undefined when the user cancels
 * (Escape), so a command can stop at any step. Inputs show the reason a value is refused under
 * the text while it is typed (`validateInput`), from validation.ts.
 */

export interface TextPrompt {
  title: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  password?: boolean;
  /** Returns the reason the value is refused, or undefined. */
  validate?: (value: string) => string | undefined;
  /** Allow an empty answer (an optional input); it is returned as ''. */
  optional?: boolean;
}

export async function askText(prompt: TextPrompt): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: prompt.title,
    prompt: prompt.prompt,
    value: prompt.value,
    placeHolder: prompt.placeHolder,
    password: prompt.password,
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (prompt.optional && value.trim().length === 0) {
        return undefined;
      }
      return prompt.validate?.(prompt.password ? value : value.trim());
    },
  });
  if (answer === undefined) {
    return undefined;
  }
  return prompt.password ? answer : answer.trim();
}

/** The 6-digit code of an MFA device, in a password box so it is not shown on screen. */
export function askMfaCode(mfaSerial: string, title = 'IAM STS: MFA code'): Promise<string | undefined> {
  return askText({
    title,
    prompt: `Enter the current 6-digit code from ${mfaSerial}`,
    placeHolder: '123456',
    password: true,
    validate: (value) => validateMfaCode(value.trim()),
  }).then((code) => code?.trim());
}

interface DurationItem extends vscode.QuickPickItem {
  seconds?: number;
}

/**
 * A duration from common choices or typed. `preferred` is listed first and says where it comes
 * from: the profile's `duration_seconds`, or the API's own default when the profile sets none.
 */
export async function pickDuration(
  title: string,
  api: IssuingApi,
  context: DurationContext = {},
  preferred?: PreferredDuration,
): Promise<number | undefined> {
  const items: DurationItem[] = durationItems(api, context, preferred);
  items.push({ label: 'Other duration…', description: 'in seconds or as 2h30m' });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'How long the credentials stay valid', ignoreFocusOut: true });
  if (!picked) {
    return undefined;
  }
  if (picked.seconds !== undefined) {
    return picked.seconds;
  }
  const typed = await askText({
    title,
    prompt: 'Session duration: seconds (3600) or 15m, 1h, 1h30m',
    validate: (value) => {
      const parsed = parseDuration(value, api, context);
      return parsed.ok ? undefined : parsed.problem;
    },
  });
  if (typed === undefined) {
    return undefined;
  }
  const parsed = parseDuration(typed, api, context);
  return parsed.ok ? parsed.value : undefined;
}

/** Reads a token or assertion from a file the user picks. */
export async function pickTextFile(title: string, filters?: Record<string, string[]>): Promise<{ path: string; text: string } | undefined> {
  const [uri] =
    (await vscode.window.showOpenDialog({ title, canSelectMany: false, canSelectFiles: true, canSelectFolders: false, filters })) ?? [];
  if (!uri) {
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { path: uri.fsPath, text: Buffer.from(bytes).toString('utf8').trim() };
}
