#!/usr/bin/env node
// Validates the Kubernetes manifests under one folder, offline. Run through ../../.ci/validate-k8s.sh.
//
//   node validate.mjs <manifests-folder> [<dockerfiles-folder>]
//
// 1. Renders every folder holding a kustomization.yaml with kubectl's built-in kustomize (when kubectl is there);
//    without it, every plain manifest file is checked on its own and the summary says so.
// 2. Checks each document against the Kubernetes API schemas compiled into the npm package kubernetes-models
//    (types, required fields, enums, formats).
// 3. Checks field names strictly: the documents are type-checked as TypeScript object literals against the same
//    package's interfaces, so a misspelt or misplaced field (which the API schemas allow and the API server would
//    silently drop) is an error, like kubeconform -strict.
// 4. Guards: no Secret objects, no credential-looking literal values (the service gets AWS access from IRSA).
// 5. Lints every *.Dockerfile / Dockerfile in the dockerfiles folder (default ../../deploy/docker) with
//    dockerfile-utils (the linter of VS Code's Docker support), and checks that the final stage runs as a non-root USER.
//
// Prints one summary line; exits 0 when everything is valid, 1 when something is not, 2 when it could not check.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import ts from "typescript";
import dockerfileUtils from "dockerfile-utils";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, ".."));
const dockerfilesFolder = resolve(process.argv[3] ?? join(here, "..", "..", "deploy", "docker"));
if (!existsSync(root) || !statSync(root).isDirectory()) {
  console.error(`usage: validate.mjs <manifests-folder> (${root} is not a folder)`);
  process.exit(2);
}

const errors = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

// ---- find the inputs -------------------------------------------------------------------------------------------

/** Every YAML file below a folder (this tool's own folder and node_modules excluded). */
function walk(folder, found = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && resolve(path) !== here) walk(path, found);
    } else if (/\.ya?ml$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

const yamlFiles = walk(root);
const kustomizations = yamlFiles.filter((f) => /(^|\/)kustomization\.ya?ml$/.test(f));
const plainFiles = yamlFiles.filter((f) => !kustomizations.includes(f));
const show = (path) => {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
};

/** kubectl with kustomize inside (kubectl >= 1.14), or null. */
function findKubectl() {
  const probe = spawnSync("kubectl", ["kustomize", "--help"], { encoding: "utf8" });
  return probe.status === 0 ? "kubectl" : null;
}

/** Paths a kustomization names (resources, components, patches), resolved; remote or missing ones are errors. */
function referencedPaths(file, doc) {
  const folder = dirname(file);
  const paths = [];
  const add = (value, field) => {
    if (typeof value !== "string") return;
    if (/^[a-z]+:\/\/|^github\.com\//i.test(value)) {
      fail(show(file), `${field} '${value}' is remote; the manifests must render offline`);
      return;
    }
    paths.push(resolve(folder, value));
  };
  for (const field of ["resources", "components", "crds"]) {
    for (const value of doc?.[field] ?? []) add(value, field);
  }
  for (const patch of doc?.patches ?? []) add(patch?.path, "patches");
  for (const value of doc?.patchesStrategicMerge ?? []) add(value, "patchesStrategicMerge");
  return paths;
}

/** What each kustomization names, read once (a kustomization that does not parse is an error). */
const references = new Map();
for (const file of kustomizations) {
  const [parsed] = parseAllDocuments(readFileSync(file, "utf8"));
  if (!parsed || parsed.errors.length > 0) {
    fail(show(file), `YAML: ${parsed?.errors[0]?.message.split("\n")[0] ?? "empty"}`);
    references.set(file, []);
    continue;
  }
  references.set(file, referencedPaths(file, parsed.toJS()));
}

/** Every plain file is reached by some kustomization, so nothing escapes the rendered check. */
function checkReachability() {
  const reached = new Set();
  for (const [file, paths] of references) {
    for (const path of paths) {
      if (!existsSync(path)) {
        fail(show(file), `names ${show(path)}, which does not exist`);
        continue;
      }
      // A folder means the kustomization inside it, whose own references are checked in their turn.
      if (statSync(path).isFile()) reached.add(path);
    }
  }
  for (const file of plainFiles) {
    if (!reached.has(resolve(file))) {
      fail(show(file), "is not named by any kustomization.yaml, so it would never be applied (or validated)");
    }
  }
}

// ---- gather the documents ---------------------------------------------------------------------------------------

/** { source, index, doc } for every document in a YAML stream; YAML syntax errors are reported. */
function documentsOf(text, source) {
  const found = [];
  parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true }).forEach((parsed, index) => {
    for (const error of parsed.errors) fail(`${source} document ${index + 1}`, `YAML: ${error.message.split("\n")[0]}`);
    if (parsed.errors.length > 0) return;
    const doc = parsed.toJS();
    if (doc !== null && doc !== undefined) found.push({ source, index: index + 1, doc });
  });
  return found;
}

const documents = [];
let renders = 0;
let mode;
const kubectl = kustomizations.length > 0 ? findKubectl() : null;
if (kubectl) {
  mode = "kustomize-rendered";
  checkReachability();
  // Render only the roots: a kustomization that another one includes (base/) is rendered as part of it.
  const included = new Set([...references.values()].flat());
  for (const file of kustomizations.filter((f) => !included.has(dirname(f)))) {
    const folder = dirname(file);
    const run = spawnSync(kubectl, ["kustomize", folder], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
      fail(show(folder), `kustomize failed: ${(run.stderr || run.stdout).trim().split("\n").slice(-3).join(" ")}`);
      continue;
    }
    renders++;
    documents.push(...documentsOf(run.stdout, `${show(folder)} (rendered)`));
  }
} else {
  mode = kustomizations.length > 0 ? "plain files (no kubectl kustomize here)" : "plain files";
  for (const file of plainFiles) documents.push(...documentsOf(readFileSync(file, "utf8"), show(file)));
  // Kustomize's own files are not Kubernetes objects: check only that they parse and name what exists.
  checkReachability();
}

// ---- 2. API schemas ---------------------------------------------------------------------------------------------

/** kubernetes-models module path of an apiVersion/kind: "apps/v1" + "Deployment" -> "kubernetes-models/apps/v1/Deployment". */
const modelPath = (apiVersion, kind) => `kubernetes-models/${apiVersion}/${kind}`;

const describe = (d) => `${d.source} document ${d.index} (${d.doc?.kind ?? "?"}/${d.doc?.metadata?.name ?? "?"})`;
const typed = [];
for (const d of documents) {
  const { apiVersion, kind, metadata } = d.doc ?? {};
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    fail(describe(d), "apiVersion and kind are required");
    continue;
  }
  if (typeof metadata?.name !== "string" || metadata.name.length === 0) fail(describe(d), "metadata.name is required");
  let Model;
  try {
    Model = (await import(modelPath(apiVersion, kind)))[kind];
  } catch {
    Model = undefined;
  }
  if (typeof Model !== "function") {
    fail(describe(d), `${apiVersion} ${kind} is not a Kubernetes API type known to the schemas`);
    continue;
  }
  try {
    new Model(structuredClone(d.doc)).validate();
  } catch (error) {
    for (const line of String(error.message).split("\n")) {
      fail(describe(d), `schema: ${line.replace(/(^|, )data\//g, "$1")}`);
    }
  }
  typed.push(d);
}

// ---- 3. strict field names --------------------------------------------------------------------------------------

function checkFieldNames() {
  if (typed.length === 0) return;
  const lines = ["// Generated by validate.mjs: each manifest as an object literal of its kubernetes-models interface."];
  const owners = []; // line number (1-based) -> document
  const emit = (text, d) => {
    for (const line of text.split("\n")) {
      lines.push(line);
      owners[lines.length] = d;
    }
  };
  typed.forEach((d, i) => {
    const { apiVersion, kind } = d.doc;
    lines.push(`import type { I${kind} as T${i} } from "${modelPath(apiVersion, kind)}";`);
  });
  typed.forEach((d, i) => emit(`export const d${i}: T${i} = ${JSON.stringify(d.doc, null, 2)};`, d));

  const work = join(here, "node_modules", ".cache", "twins-k8s-validate");
  mkdirSync(work, { recursive: true });
  const file = join(work, "manifests.ts");
  writeFileSync(file, lines.join("\n") + "\n");
  // The models' declarations import ajv's types only for their validate() signature; a one-line stand-in keeps the
  // type check to the Kubernetes types (about 180 files instead of 290: seconds on a busy machine).
  const stub = join(work, "validate-stub.d.ts");
  writeFileSync(stub, "export type ValidateFunc<T> = (data: T) => void;\n");
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es5.d.ts"],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    paths: { "@kubernetes-models/validate": [stub] },
  });
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    if (diagnostic.file?.fileName !== file || diagnostic.start === undefined) {
      fail("field check", message);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const owner = owners[line + 1];
    const text = lines[line]?.trim() ?? "";
    fail(owner ? describe(owner) : `generated line ${line + 1}`, `field: ${message} (at ${text})`);
  }
}

checkFieldNames();

// ---- 4. guards --------------------------------------------------------------------------------------------------

const credentialName = /(secret|password|passwd|access_?key|private_?key|session_?token|api_?key)/i;
const awsKeyId = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

function walkValues(value, path, visit) {
  if (Array.isArray(value)) value.forEach((v, i) => walkValues(v, `${path}[${i}]`, visit));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walkValues(v, `${path}.${k}`, visit);
  else visit(path, value);
}

for (const d of documents) {
  const doc = d.doc ?? {};
  if (doc.kind === "Secret") fail(describe(d), "Secret objects do not belong in the repository; create them out of band");
  walkValues(doc, "", (path, value) => {
    if (typeof value === "string" && awsKeyId.test(value)) fail(describe(d), `${path} holds what looks like an AWS access key id`);
    if (typeof value === "string" && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) fail(describe(d), `${path} holds a private key`);
  });
  // A literal value for a credential-named setting (env var or ConfigMap key) must come from a Secret instead.
  if (doc.kind === "ConfigMap") {
    for (const key of Object.keys(doc.data ?? {})) {
      if (credentialName.test(key.replace(/__/g, ":").split(":").pop())) fail(describe(d), `data.${key} looks like a credential; use a Secret reference`);
    }
  }
  const pod = doc.spec?.template?.spec ?? (doc.kind === "Pod" ? doc.spec : undefined);
  for (const container of [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])]) {
    for (const env of container.env ?? []) {
      const leaf = String(env.name ?? "").replace(/__/g, ":").split(":").pop();
      if (env.value !== undefined && credentialName.test(leaf)) {
        fail(describe(d), `container ${container.name} env ${env.name} has a literal value; use valueFrom.secretKeyRef`);
      }
    }
  }
}

// ---- 5. Dockerfiles ---------------------------------------------------------------------------------------------

const dockerfiles = existsSync(dockerfilesFolder)
  ? readdirSync(dockerfilesFolder).filter((f) => /(^|\.)Dockerfile$/.test(f)).map((f) => join(dockerfilesFolder, f))
  : [];
if (dockerfiles.length === 0) fail(show(dockerfilesFolder), "holds no Dockerfile (*.Dockerfile)");
for (const file of dockerfiles) {
  const text = readFileSync(file, "utf8");
  for (const d of dockerfileUtils.validate(text)) {
    // Severity 1 is an error, 2 a warning (deprecated or empty-continuation forms): both fail.
    if (d.severity <= 2) fail(`${show(file)}:${d.range.start.line + 1}`, `dockerfile: ${d.message}`);
  }
  const lines = text.split("\n").map((l) => l.trim());
  const lastFrom = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  const user = lines.slice(lastFrom + 1).findLast((l) => /^USER\s/i.test(l));
  if (!user || /^USER\s+(root|0)(:|\s|$)/i.test(user)) fail(show(file), "the final stage must switch to a non-root USER");
}

// ---- summary ----------------------------------------------------------------------------------------------------

const counted = `${documents.length} documents from ${kubectl ? `${renders} kustomize renders` : `${plainFiles.length} files`} (${mode}) and ${dockerfiles.length} Dockerfiles`;
if (errors.length > 0) {
  for (const error of errors) console.error(error);
  console.log(`k8s: INVALID, ${errors.length} ${errors.length === 1 ? "error" : "errors"} in ${counted}`);
  process.exit(1);
}
if (documents.length === 0) {
  console.log(`k8s: INVALID, no manifests found under ${show(root)}`);
  process.exit(1);
}
console.log(`k8s: valid, ${counted}; schemas kubernetes-models ${readModelsVersion()} with strict fields, Dockerfiles linted`);

function readModelsVersion() {
  try {
    return JSON.parse(readFileSync(join(here, "node_modules", "kubernetes-models", "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
}
