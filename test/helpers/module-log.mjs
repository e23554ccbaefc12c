// node --import this file: appends every module the process loads (ESM through a resolve hook,
// CommonJS through Module._load) to the file named by MODULE_LOG, one absolute path or URL a line.
// The lazy-loading test reads it to see which libraries a command really pulled in.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const file = process.env.MODULE_LOG;
if (file) {
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    try {
      appendFileSync(file, `${Module._resolveFilename(request, parent, isMain)}\n`);
    } catch {
      // a builtin or an unresolvable name: the real load reports it
    }
    return load.apply(this, arguments);
  };
  const hook = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(file)}, r.url + '\\n');
  return r;
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
