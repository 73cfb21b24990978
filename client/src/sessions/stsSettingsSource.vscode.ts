import * as vscode from 'vscode';
import { Emitter } from './emitter';
import { affectsStsSettings, readStsSettings, type StsSettings } from './stsSettings.vscode';

/**
 * The `iamSts.*` STS settings, read once and again only when they change. Everything that needs
 * a setting holds this and reads `current`, so no closure re-reads the configuration.
 */
export class StsSettingsSource implements vscode.Disposable {
  private value: StsSettings = readStsSettings();
  private readonly changed = new Emitter<StsSettings>();
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!affectsStsSettings(event)) return;
    this.value = readStsSettings();
    this.changed.fire(this.value);
  });

  get current(): StsSettings {
    return this.value;
  }

  /** Sets the user's STS endpoint and reads the settings again at once (the change event follows). */
  async setStsEndpoint(endpoint: string): Promise<void> {
    await vscode.workspace.getConfiguration('iamSts').update('stsEndpoint', endpoint, vscode.ConfigurationTarget.Global);
    this.value = readStsSettings();
  }

  onDidChange(listener: (settings: StsSettings) => void): vscode.Disposable {
    return this.changed.on(listener);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
