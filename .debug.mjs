import { ProjectFiles, projectRootOf } from './dist/src/project/files.js';
import { ProjectView } from './dist/src/project/view.js';
import { extensionSettings } from './dist/src/settings.js';
import { FRAMEWORKS } from './dist/src/catalog/frameworks/index.js';
const root = '/work/corpus3/src/IrosTheBeggar__mStream';
console.log('root', projectRootOf(root + '/src/api/db.js'));
const files = new ProjectFiles(root);
const view = new ProjectView(files, extensionSettings({}), [FRAMEWORKS], root);
for (const f of ['src/db/sqlite-driver.js', 'src/db/manager.js']) {
  const p = root + '/' + f;
  console.log(f, 'mayBlock', view.mayBlock(p), 'source', !!view.sourceOf(p));
  const t = view.exportTrie(p);
  console.log(' trie', t && [...t.children.keys()].slice(0, 50).join(','), 'getDB()', !!t?.children.get('getDB')?.callResult);
}
const dbjs = root + '/src/api/db.js';
const a = view.analysisOf(dbjs);
console.log('uses', a.analysis.uses.length, 'hits', a.analysis.projectHits.length);
console.log('importers', files.importersOf(dbjs).map(f => f.replace(root, '')));
console.log('usage', view.usage(dbjs, 'renderMetadataByIds'));
