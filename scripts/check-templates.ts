/* Validates every template in templates/ and instantiates it in both languages; exits 1 naming each broken file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '../shared/templates/parseTemplate';
import { instantiateTemplate, placeholdersOf } from '../shared/templates/instantiate';

const dir = process.argv[2] ?? 'templates';
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const parsed = parseTemplate(file, readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) {
    console.error(`✗ ${parsed.error}`);
    failed += 1;
    continue;
  }
  const values = Object.fromEntries(placeholdersOf(parsed.value).map((p) => [p.name, p.default ?? 'X']));
  for (const language of ['ka', 'en'] as const) {
    const blocks = instantiateTemplate(parsed.value, { language, municipality: 'bagdati', values });
    if (!blocks.ok) {
      console.error(`✗ ${file} (${language}): ${blocks.error}`);
      failed += 1;
      continue;
    }
    const articles = blocks.value.filter((b) => b.type === 'article').length;
    console.log(`✓ ${file} (${language}): ${blocks.value.length} blocks, ${articles} articles`);
  }
}
process.exit(failed ? 1 : 0);
