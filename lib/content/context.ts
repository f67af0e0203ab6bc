import type { DraftFinding } from '@/components/draft/draft-guard';

/** What a console session needs from the content-script world, injected so sessions stay testable. */
export interface SessionEnv {
  doc: Document;
  /** Sends one protocol message to the background and resolves with its raw reply. */
  send(message: unknown): Promise<unknown>;
  t(key: string, substitutions?: string[]): string;
  /** True once the extension was reloaded or removed: stop quietly. */
  isInvalid(): boolean;
  /** The shop this console belongs to (until shops are read from the page). */
  shop: string;
  /** Draft compliance check, when this console has a draft box. */
  check?: (text: string) => DraftFinding[] | Promise<DraftFinding[]>;
  guardEnabled(): boolean;
  /** Messages sent to this tab (the popup asking to insert a reply); returns how to stop listening. */
  listen?(handler: (message: unknown) => void): () => void;
}

/** A running observation of one page kind; stopped on navigation or invalidation. */
export interface Session {
  stop(): void;
}
