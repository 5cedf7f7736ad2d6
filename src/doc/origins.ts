/**
 * Every transaction origin a board's document is written with, in one place: which writes are a
 * person's undoable edits and which are not.
 */

/** A local user edit: the only origin the undo manager tracks. */
export const LOCAL_ORIGIN = Symbol('parcours-local-edit');

/** Writing an imported board file into a fresh document: not a user edit, never on anyone's undo stack. */
export const IMPORT_ORIGIN = Symbol('parcours-import');

/** Upgrading a board written by an older version: nobody can undo it. */
export const MIGRATION_ORIGIN = Symbol('parcours-migration');

/** The timer and the structure lock: shared controls that undo must not roll back. */
export const WORKSHOP_ORIGIN = Symbol('parcours-workshop-control');
