// Custom messages between the VS Code client and the server, declared once for both sides.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { DocumentKind } from './policy/model';

export interface DocumentInfoParams {
  uri: string;
}

export interface DocumentInfo {
  /** Undefined when the document is not an IAM policy. */
  kind: DocumentKind | undefined;
  /** How the kind was chosen. */
  kindSource?: 'choice' | 'detected';
  problemCount: number;
}

export const documentInfoRequest = new RequestType<DocumentInfoParams, DocumentInfo, void>('iamSts/documentInfo');

/** Options the VS Code client passes at start-up. */
export interface InitializationOptions {
  /** VS Code's own JSON support already reports syntax errors; don't report them twice. */
  hostReportsJsonSyntax?: boolean;
}

export interface KindChoiceParams {
  uri: string;
  /** The kind the user chose for this file, or null to go back to detection. */
  kind: DocumentKind | null;
}

/** The user picked a kind for one file (status bar); the client remembers it per workspace. */
export const kindChoiceNotification = new NotificationType<KindChoiceParams>('iamSts/kindChoice');
