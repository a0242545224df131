// The files as the editing interface (Decap CMS) writes them: the canonical form.
//
//   node scripts/cms_format.mjs --check   # list files a save in /admin/ would reformat
//   node scripts/cms_format.mjs --write   # rewrite them so (done once; see README)
//
// Decap rewrites a file whole on save. This reads each cluster file and each
// news, story and event file and writes it back the way Decap's own
// formatters do (decap-cms-core, src/formats/yaml.ts and frontmatter.ts, with
// the same `yaml` 1.x and gray-matter packages npm installs beside it): fields
// in the order of admin/config.yml, the first field's comment (the JSON Schema
// line), YAML as `yaml` 1.x prints it, a newline at the end. When every file
// is already in that form, opening and saving an entry without changes leaves
// it byte-identical; the browser test checks a real save against this.
import fs from "node:fs";
import path from "node:path";
import process from "node:process";
import { createRequire } from "node:module";

const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const require = createRequire(path.join(here, "package.json"));
// CMS_FORMAT_ROOT: another copy of the repository (the browser test's), read with this one's packages.
const root = path.resolve(process.env.CMS_FORMAT_ROOT || here);
const yaml = require("yaml");
const matter = require("gray-matter");

// decap-cms-core/src/formats/yaml.ts
const timestampTag = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "!timestamp",
  test: RegExp("^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\\.[0-9]+)?)Z$"),
  resolve: (str) => new Date(str),
  stringify: (value) => value.toISOString(),
};

function sortKeys(sortedKeys, selector) {
  return (a, b) => {
    const idxA = sortedKeys.indexOf(selector(a));
    const idxB = sortedKeys.indexOf(selector(b));
    if (idxA === -1 || idxB === -1) return 0;
    if (idxA > idxB) return 1;
    if (idxA < idxB) return -1;
    return 0;
  };
}

function addComments(items, comments, prefix = "") {
  items.forEach((item) => {
    if (item.key !== undefined) {
      const itemKey = item.key.toString();
      const key = prefix ? `${prefix}.${itemKey}` : itemKey;
      if (comments[key]) {
        item.commentBefore = ` ${comments[key].split("\\n").join("\n ")}`;
      }
      if (Array.isArray(item.value?.items)) addComments(item.value.items, comments, key);
    }
  });
}

const yamlFormat = {
  fromFile(content) {
    if (content && content.trim().endsWith("---")) content = content.trim().slice(0, -3);
    const doc = yaml.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
    if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join("\n"));
    return doc.toJSON();
  },
  toFile(data, sortedKeys = [], comments = {}) {
    const contents = yaml.createNode(data);
    addComments(contents.items, comments);
    contents.items.sort(sortKeys(sortedKeys, (item) => item.key?.toString()));
    const doc = new yaml.Document();
    doc.contents = contents;
    return doc.toString();
  },
};

// decap-cms-core/src/formats/frontmatter.ts (YAML only)
const engines = {
  yaml: {
    parse: (input) => yamlFormat.fromFile(input),
    stringify: (metadata, opts) => yamlFormat.toFile(metadata, (opts || {}).sortedKeys, (opts || {}).comments),
  },
};
const frontmatter = {
  fromFile(content) {
    const result = matter(content, { engines, language: "yaml", delimiters: "---" });
    return { ...result.data, ...(result.content.trim() && { body: result.content }) };
  },
  toFile(data, sortedKeys, comments) {
    const { body = "", ...meta } = data;
    const trimLastLineBreak = body.slice(-1) !== "\n";
    const file = matter.stringify(body, meta, { engines, sortedKeys, comments, language: "yaml", delimiters: "---" });
    return trimLastLineBreak && file.slice(-1) === "\n" ? file.slice(0, -1) : file;
  },
};

// decap-cms-core/src/backend.ts entryToRaw: fields in the configuration's order, a final newline.
function entryToRaw(format, data, order, comments) {
  // gray-matter caches parsed files by their text; a fresh object each time keeps results independent.
  let content = format.toFile(JSON.parse(JSON.stringify(data)), order, comments);
  if (content.slice(-1) !== "\n") content += "\n";
  return content;
}

function commentsOf(fields) {
  const comments = {};
  for (const field of fields) if (field.comment) comments[field.name] = field.comment;
  return comments;
}

const config = yaml.parse(fs.readFileSync(path.join(root, "admin", "config.yml"), "utf8"));

export function canonical(file) {
  const relative = path.relative(root, file).split(path.sep).join("/");
  const collection = config.collections.find((c) => relative.startsWith(`${c.folder}/`) && relative.endsWith(`.${c.extension}`));
  if (!collection) return null;
  const format = collection.format === "yaml" ? yamlFormat : frontmatter;
  const text = fs.readFileSync(file, "utf8");
  const order = collection.fields.map((f) => f.name);
  return entryToRaw(format, format.fromFile(text), order, commentsOf(collection.fields));
}

function files() {
  const found = [];
  for (const collection of config.collections) {
    const folder = path.join(root, collection.folder);
    for (const name of fs.readdirSync(folder).sort()) {
      if (name.endsWith(`.${collection.extension}`) && !name.startsWith(".")) found.push(path.join(folder, name));
    }
  }
  return found;
}

const mode = process.argv[2];
if (mode === "--check" || mode === "--write") {
  const differ = [];
  const targets = process.argv.length > 3 ? process.argv.slice(3).map((f) => path.resolve(f)) : files();
  for (const file of targets) {
    const wanted = canonical(file);
    if (wanted !== null && wanted !== fs.readFileSync(file, "utf8")) {
      differ.push(path.relative(root, file));
      if (mode === "--write") fs.writeFileSync(file, wanted);
    }
  }
  for (const file of differ) console.log(file);
  process.exitCode = mode === "--check" && differ.length ? 1 : 0;
}
