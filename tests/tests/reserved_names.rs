//! The names the IR builder keeps from specs (`codegen::ir::names`) are exactly the names
//! generated code defines, imports and relies on: this test generates the module of every
//! feature fixture, reads the code back with syn, and compares. A reserved name nothing
//! defines, or a defined name nothing reserves, fails it.

use std::collections::BTreeSet;
use std::path::Path;

use codegen::ir::names;
use codegen::settings::CrateSettings;
use syn::visit::Visit;

fn fixtures() -> Vec<codegen::LoadedSpec> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/features");
    let (loaded, failed) = codegen::load_dir(&dir).expect("the fixtures are readable");
    assert!(failed.is_empty(), "{}", failed[0]);
    assert!(loaded.len() >= 10, "{} fixtures", loaded.len());
    loaded
}

/// Names a service's spec gives to module-level items: its types, the unions made for
/// them, the wire forms of types with aliased fields, its request builders and their
/// pages, and its marker type.
fn spec_names(service: &codegen::ir::Service) -> BTreeSet<String> {
    let mut found: BTreeSet<String> = service.types.iter().map(|t| t.name().to_owned()).collect();
    for def in &service.types {
        if let codegen::ir::TypeDef::Struct(s) = def {
            found.extend(s.wire.clone());
        }
    }
    for op in &service.operations {
        found.insert(op.builder.clone());
        found.insert(op.page.clone());
        found.extend(op.response.meta_wire.clone());
    }
    found.extend(service.waiters.iter().map(|w| w.builder.clone()));
    found.insert(names::marker_name(&service.module));
    found
}

/// Every item a file defines at its top level, and every name its `use`s bring in.
fn top_level_names(file: &syn::File) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for item in &file.items {
        let name = match item {
            syn::Item::Struct(i) => Some(i.ident.to_string()),
            syn::Item::Enum(i) => Some(i.ident.to_string()),
            syn::Item::Type(i) => Some(i.ident.to_string()),
            syn::Item::Const(i) => Some(i.ident.to_string()),
            syn::Item::Static(i) => Some(i.ident.to_string()),
            syn::Item::Fn(i) => Some(i.sig.ident.to_string()),
            syn::Item::Mod(i) => Some(i.ident.to_string()),
            syn::Item::Trait(i) => Some(i.ident.to_string()),
            syn::Item::Use(i) => {
                imported(&i.tree, &mut found);
                None
            }
            _ => None,
        };
        found.extend(name);
    }
    found
}

fn imported(tree: &syn::UseTree, found: &mut BTreeSet<String>) {
    match tree {
        syn::UseTree::Path(path) => imported(&path.tree, found),
        syn::UseTree::Name(name) => {
            found.insert(name.ident.to_string());
        }
        syn::UseTree::Rename(rename) => {
            found.insert(rename.rename.to_string());
        }
        syn::UseTree::Group(group) => group.items.iter().for_each(|t| imported(t, found)),
        syn::UseTree::Glob(_) => {}
    }
}

/// The UpperCamelCase first segment of every relative path: the type, trait and variant
/// names the code uses unqualified; and the generic parameters and the items inside
/// function bodies it declares (a tagged union's `Serialize` has a struct of its own),
/// which shadow a spec type of the same name only where they are declared.
#[derive(Default)]
struct Referenced(BTreeSet<String>, BTreeSet<String>);

/// Prelude traits whose methods generated code calls (`x.clone()`, `T::default()`): the
/// trait must stay in scope, so a spec type may not shadow its name.
const TRAIT_METHODS: [(&str, &str); 6] = [
    ("clone", "Clone"),
    ("into", "Into"),
    ("to_owned", "ToOwned"),
    ("to_string", "ToString"),
    ("default", "Default"),
    ("try_into", "TryInto"),
];

impl Referenced {
    fn called(&mut self, method: &syn::Ident) {
        if let Some((_, tr)) = TRAIT_METHODS.iter().find(|(m, _)| method == m) {
            self.0.insert((*tr).to_owned());
        }
    }
}

impl<'ast> Visit<'ast> for Referenced {
    fn visit_type_param(&mut self, param: &'ast syn::TypeParam) {
        self.1.insert(param.ident.to_string());
        syn::visit::visit_type_param(self, param);
    }

    fn visit_block(&mut self, block: &'ast syn::Block) {
        for statement in &block.stmts {
            if let syn::Stmt::Item(syn::Item::Struct(item)) = statement {
                self.1.insert(item.ident.to_string());
            }
        }
        syn::visit::visit_block(self, block);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.called(&call.method);
        syn::visit::visit_expr_method_call(self, call);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path.leading_colon.is_none()
            && let Some(first) = path.segments.first()
        {
            let name = first.ident.to_string();
            // Only a name a spec type could take: an UpperCamelCase one.
            if names::is_upper_camel_case(&name) {
                self.0.insert(name);
            }
        }
        if path.segments.len() > 1
            && let Some(last) = path.segments.last()
        {
            self.called(&last.ident);
        }
        syn::visit::visit_path(self, path);
    }
}

/// Each generated service module file of every fixture, parsed, with its service.
fn generated() -> Vec<(codegen::ir::Service, String, syn::File)> {
    let loaded = fixtures();
    let settings = CrateSettings::new("fixtures", "fixtures");
    let files = codegen::generate(&loaded, &settings, Some("runtime")).expect("they generate");
    let mut out = Vec::new();
    for spec in &loaded {
        let prefix = format!("src/{}/", spec.service.module);
        for file in files.iter().filter(|f| f.path.starts_with(&prefix)) {
            let syntax = syn::parse_file(&file.contents).expect("generated code parses");
            out.push((spec.service.clone(), file.path.clone(), syntax));
        }
    }
    out
}

#[test]
fn module_items_are_what_the_emitters_define() {
    let reserved: BTreeSet<String> = names::MODULE_ITEMS
        .iter()
        .chain(&names::SERVICE_SUBMODULES)
        .chain(&names::REEXPORTS)
        .map(|n| (*n).to_owned())
        .collect();
    let mut defined = BTreeSet::new();
    let mut mock_defined = BTreeSet::new();
    for (service, path, file) in generated() {
        if path.ends_with("/mock.rs") {
            assert!(
                !file
                    .items
                    .iter()
                    .any(|item| matches!(item, syn::Item::Use(u) if has_glob(&u.tree))),
                "{path} must not glob-import: the spec's names would be in scope"
            );
            mock_defined.extend(top_level_names(&file));
            continue;
        }
        let own = spec_names(&service);
        defined.extend(
            top_level_names(&file)
                .into_iter()
                .filter(|n| !own.contains(n)),
        );
    }
    assert_eq!(
        defined, reserved,
        "names::MODULE_ITEMS and REEXPORTS must list what generated modules define and import"
    );
    let mock_reserved: BTreeSet<String> =
        names::MOCK_ITEMS.iter().map(|n| (*n).to_owned()).collect();
    assert_eq!(
        mock_defined, mock_reserved,
        "names::MOCK_ITEMS must list what mock.rs defines"
    );
}

fn has_glob(tree: &syn::UseTree) -> bool {
    match tree {
        syn::UseTree::Path(path) => has_glob(&path.tree),
        syn::UseTree::Glob(_) => true,
        syn::UseTree::Group(group) => group.items.iter().any(has_glob),
        syn::UseTree::Name(_) | syn::UseTree::Rename(_) => false,
    }
}

#[test]
fn generated_code_names_nothing_unqualified_but_its_own_items_and_the_prelude() {
    let mut known: BTreeSet<String> = names::MODULE_ITEMS
        .iter()
        .chain(&names::SERVICE_SUBMODULES)
        .chain(&names::REEXPORTS)
        .chain(&names::PRELUDE)
        .map(|n| (*n).to_owned())
        .collect();
    known.insert("Self".into());
    let mut used_prelude = BTreeSet::new();
    for (service, path, file) in generated() {
        let own = spec_names(&service);
        let variants: BTreeSet<String> = service
            .types
            .iter()
            .flat_map(|t| match t {
                codegen::ir::TypeDef::Union(u) => {
                    u.variants.iter().map(|(v, _)| v.clone()).collect()
                }
                codegen::ir::TypeDef::Tagged(t) => {
                    t.variants.iter().map(|v| v.variant.clone()).collect()
                }
                _ => Vec::new(),
            })
            .collect();
        let mut referenced = Referenced::default();
        referenced.visit_file(&file);
        for name in &referenced.0 {
            let name = name.clone();
            if own.contains(&name) || variants.contains(&name) || referenced.1.contains(&name) {
                continue;
            }
            assert!(
                known.contains(&name),
                "{path} uses `{name}` unqualified, which names::PRELUDE does not reserve"
            );
            if names::PRELUDE.contains(&name.as_str()) {
                used_prelude.insert(name);
            }
        }
    }
    let prelude: BTreeSet<String> = names::PRELUDE.iter().map(|n| (*n).to_owned()).collect();
    assert_eq!(
        used_prelude, prelude,
        "names::PRELUDE lists a name no generated code uses"
    );
}

#[test]
fn request_builders_have_exactly_the_reserved_fields_and_methods() {
    let (mut fields, mut methods) = (BTreeSet::new(), BTreeSet::new());
    let mut client_methods = BTreeSet::new();
    let mut waiter_methods = BTreeSet::new();
    for (service, _, file) in generated() {
        for item in &file.items {
            match item {
                syn::Item::Struct(s) => {
                    let Some(op) = service.operations.iter().find(|op| s.ident == op.builder)
                    else {
                        continue;
                    };
                    for field in &s.fields {
                        let name = field
                            .ident
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default();
                        if !op.params.iter().any(|p| p.rust_name == name) {
                            fields.insert(name);
                        }
                    }
                }
                // A trait's methods (the mock's `expected_request`) do not take a setter's
                // place: an inherent method of the same name is called first.
                syn::Item::Impl(block) if block.trait_.is_none() => {
                    let syn::Type::Path(ty) = &*block.self_ty else {
                        continue;
                    };
                    let Some(last) = ty.path.segments.last() else {
                        continue;
                    };
                    let fns = block.items.iter().filter_map(|i| match i {
                        syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
                        _ => None,
                    });
                    if last.ident == "Client" {
                        client_methods.extend(fns.filter(|f| {
                            !service.operations.iter().any(|op| op.name == *f)
                                && !service.waiters.iter().any(|w| w.method == *f)
                        }));
                    } else if service.waiters.iter().any(|w| last.ident == w.builder) {
                        waiter_methods.extend(fns);
                    } else if let Some(op) = service
                        .operations
                        .iter()
                        .find(|op| last.ident == op.builder)
                    {
                        methods
                            .extend(fns.filter(|f| !op.params.iter().any(|p| p.rust_name == *f)));
                    }
                }
                _ => {}
            }
        }
    }
    let set = |names: &[&str]| {
        names
            .iter()
            .map(|n| (*n).to_owned())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(fields, set(&names::BUILDER_FIELDS));
    assert_eq!(methods, set(&names::BUILDER_METHODS));
    assert_eq!(client_methods, set(&names::CLIENT_METHODS));
    assert_eq!(waiter_methods, set(&names::WAITER_METHODS));
}
