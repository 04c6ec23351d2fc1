import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Template } from '../../shared/templates/templateFormat';
import { parseTemplate } from '../../shared/templates/parseTemplate';
import { defaultBody, placeholdersOf } from '../../shared/templates/instantiate';
import type { TemplateListing } from '../../shared/api/templates';

/** The templates a workspace offers: the shipped ones, then the workspace's own (which win on equal ids). */
export interface TemplateLibrary {
  /** Every template that loads, and one error per file that does not. */
  list(): TemplateListing;
  get(id: string): Template | null;
  /** Saves a template into the workspace's folder. */
  save(template: Template): void;
  /**
   * Writes a template beside its place in the workspace's folder, not yet listed: `commit` moves it into
   * place with one rename, so a caller can do that inside the transaction that records it (issue 11).
   */
  stage(template: Template): StagedTemplate;
}

/** A template file written but not yet in place; see {@link TemplateLibrary.stage}. */
export interface StagedTemplate {
  /** Where it goes, relative to the workspace's templates folder. */
  readonly fileName: string;
  /** SHA-256 hex of the file's bytes, for the audit entry: a later edit of the file on disk shows. */
  readonly sha256: string;
  readonly bytes: number;
  /** Moves the file into place; from then on the library lists it. */
  commit(): void;
  /** Removes what was written: the staged file, or the placed one if commit ran. */
  discard(): void;
}

/** A library reading YAML files from folders on each call, so an edited file shows up without a restart. */
export function createTemplateLibrary(shippedDir: string | undefined, workspaceDir: string): TemplateLibrary {
  const load = (): { templates: Map<string, Template>; errors: { file: string; message: string }[] } => {
    const templates = new Map<string, Template>();
    const errors: { file: string; message: string }[] = [];
    for (const dir of [shippedDir, workspaceDir]) {
      if (!dir || !existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()) {
        let source: string;
        try {
          source = readFileSync(join(dir, file), 'utf8');
        } catch (error) {
          errors.push({ file, message: `${file}: cannot be read (${(error as Error).message})` });
          continue;
        }
        const parsed = parseTemplate(file, source);
        if (parsed.ok) templates.set(parsed.value.id, parsed.value);
        else errors.push({ file, message: parsed.error });
      }
    }
    return { templates, errors };
  };

  const library: TemplateLibrary = {
    list() {
      const { templates, errors } = load();
      return {
        templates: [...templates.values()].map((t) => ({
          id: t.id,
          title: t.title,
          kind: t.kind,
          actType: t.actType,
          adoptingBody: defaultBody(t),
          description: t.description ?? null,
          placeholders: placeholdersOf(t).map((p) => ({ name: p.name, label: p.label, required: p.required, default: p.default ?? null })),
        })),
        errors,
      };
    },
    get(id) {
      return load().templates.get(id) ?? null;
    },
    save(template) {
      library.stage(template).commit();
    },
    stage(template) {
      mkdirSync(workspaceDir, { recursive: true });
      const fileName = `${template.id}.yaml`;
      const file = join(workspaceDir, fileName);
      // Write then rename, so a crash never leaves a half-written template; the staged name is not .yaml, so
      // the library never lists it.
      const staged = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      const data = Buffer.from(stringify(template, { lineWidth: 0 }), 'utf8');
      writeFileSync(staged, data);
      let committed = false;
      return {
        fileName,
        sha256: createHash('sha256').update(data).digest('hex'),
        bytes: data.length,
        commit() {
          renameSync(staged, file);
          committed = true;
        },
        discard() {
          rmSync(committed ? file : staged, { force: true });
        },
      };
    },
  };
  return library;
}
