import type { KefuDB } from '../store/db';
import { DEFAULT_SETTINGS, validateSettings, type FieldError, type Settings } from './schema';

export const SETTINGS_KEY = 'settings';

/**
 * The options as the background runs them: loaded once per worker start, replaced on every valid
 * change (so a change takes effect without a reload). A corrupted stored value is reported as a
 * problem and the defaults used; it is never overwritten until the agent saves valid settings.
 */
export class SettingsProvider {
  private current: Settings = DEFAULT_SETTINGS;
  problem: string | null = null;

  constructor(
    private readonly db: KefuDB,
    /** Called with every settings value in force (e.g. to mirror the content scripts' part). */
    private readonly onChange: (settings: Settings) => void | Promise<void> = () => undefined,
  ) {}

  async load(): Promise<void> {
    const stored = await this.db.settings.get(SETTINGS_KEY);
    this.problem = null;
    if (!stored) this.current = DEFAULT_SETTINGS;
    else {
      const result = validateSettings(stored.value);
      if (result.ok) this.current = result.settings;
      else {
        this.current = DEFAULT_SETTINGS;
        this.problem = `stored settings ignored: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
      }
    }
    await this.onChange(this.current);
  }

  get(): Settings {
    return this.current;
  }

  async set(value: unknown, now: number): Promise<{ ok: true } | { ok: false; error: string; fields: FieldError[] }> {
    const result = validateSettings(value);
    if (!result.ok) return { ok: false, error: result.errors.map((e) => `${e.path}: ${e.message}`).join('; '), fields: result.errors };
    await this.db.settings.put({ key: SETTINGS_KEY, value: result.settings, updatedAt: now });
    this.current = result.settings;
    this.problem = null;
    await this.onChange(result.settings);
    return { ok: true };
  }
}
