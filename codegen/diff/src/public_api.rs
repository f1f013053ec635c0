//! The public items of a generated service module, read back from the generated source,
//! and how they changed from one side of a diff to the other.
//!
//! The spec diff judges changes by what the spec says; this module judges them by what
//! the generator made of it, so that a change the spec rules miss still shows up as a
//! changed Rust item. Every item has a path inside the service module:
//!
//! - types, aliases, functions, constants and re-exports by name: `Widget`, `Result`,
//!   `Credentials`;
//! - fields, variants, inherent methods and associated constants under their type:
//!   `Widget::name`, `SortOrder::Asc`, `Client::list_widgets`, `Region::ALL`. An inherent
//!   impl is filed under the bare name of its self type, so `impl<'a> Req<'a>` and
//!   `impl Req<'_>` both add to `Req`;
//! - trait impls, derived or written out, as `impl Trait for Type`. The trait is named by
//!   its last segment with its generic arguments (`fmt::Display` → `Display`,
//!   `std::convert::From<String>` → `From<String>`): a derive and a hand-written impl of
//!   the same trait are then the same item, and moving an import is no change. Traits
//!   reached through `crate::`, `super::` or `self::` keep their whole path, because
//!   the crate's own traits share names with the module's types
//!   (`impl crate::runtime::ErrorCode for ErrorCode`). The members of trait impls are not
//!   listed: they are the trait's API, not the module's.
//!
//! What is public is resolved from the module's `mod.rs` the way Rust resolves it for
//! the shapes the generator emits: `pub` items of `mod.rs`, `pub use child::*` and
//! `pub use child::{A, B}` of its private child modules, and re-exports from elsewhere
//! (`pub use crate::runtime::{Credentials, ..}`). Impl blocks count from every file of the
//! module, since methods follow their type wherever the block is written, but only when
//! the type is reachable. Shapes the generator does not emit (public nested modules,
//! traits, unions, macros) are not listed.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::{
    Attribute, Block, Fields, FnArg, Generics, Ident, ImplItem, Item, ItemEnum, ItemFn, ItemImpl,
    ItemStruct, ItemType, Pat, Path, Signature, Token, Type, TypePath, UseTree, Variant,
    Visibility,
};

use super::report::{ApiChange, ApiChangeKind};
use super::rules::Level;
use codegen::render::GeneratedFile;

/// Where the runtime crate's sources sit among a generated crate's files, when the crate
/// depends on it (`generated-client/runtime/src/` here).
pub const RUNTIME_SOURCE: &str = "runtime/src/";

/// What sort of thing a public item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// A struct: `pub struct Widget`.
    Struct,
    /// A public field of a struct: `Widget::name`.
    Field,
    /// An enum: `pub enum SortOrder`.
    Enum,
    /// A variant of an enum: `SortOrder::Asc`.
    Variant,
    /// A free function or an inherent method: `Client::list_widgets`.
    Function,
    /// A type alias: `Result`, `ClientBuilder`.
    TypeAlias,
    /// A constant or static, free or associated: `Region::ALL`.
    Constant,
    /// A trait impl, derived or written out: `impl Default for Address`.
    TraitImpl,
    /// A name re-exported from outside the module: `Credentials`.
    ReExport,
}

/// One public item of a service module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicItem {
    /// What sort of item it is.
    pub kind: ItemKind,
    /// The item as a user sees it, on one line and without bodies, docs or attributes
    /// other than `#[non_exhaustive]`: `pub async fn send(self) -> Result<Vec<Job>>`.
    pub signature: String,
    /// The path of the type a field, variant, method, associated constant or trait impl
    /// belongs to; `None` for items of the module itself.
    pub parent: Option<String>,
    /// For a struct or an enum: whether users can build it with a literal or match it
    /// exhaustively, which is what makes an added field or variant break their code. A
    /// struct is exhaustive without `#[non_exhaustive]` and with every field public; an
    /// enum without `#[non_exhaustive]`. Always `false` for other items.
    pub exhaustive: bool,
}

/// The public items of one service module, by path inside the module.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicApi {
    items: BTreeMap<String, PublicItem>,
}

impl PublicApi {
    /// Reads the public items of `module` from the generated files (those under
    /// `{module}/`). Fails when a file of the module is not valid Rust, naming the file,
    /// or when the module has no `mod.rs`.
    pub fn of_module(files: &[GeneratedFile], module: &str) -> Result<PublicApi, String> {
        PublicApi::of_tree(files, &format!("src/{module}/"), "mod.rs")
    }

    /// Reads the public items of the runtime crate from its files (those under
    /// `runtime/src/`, its root `lib.rs`), as the generated crate re-exports it.
    pub fn of_runtime(files: &[GeneratedFile]) -> Result<PublicApi, String> {
        PublicApi::of_tree(files, RUNTIME_SOURCE, "lib.rs")
    }

    /// The public items of the module whose files are under `folder`, its root file
    /// `root_name`; a `pub mod child;` of the root adds its items as `child::...`.
    fn of_tree(
        files: &[GeneratedFile],
        folder: &str,
        root_name: &str,
    ) -> Result<PublicApi, String> {
        let mut parsed: BTreeMap<&str, (&str, syn::File)> = BTreeMap::new();
        for file in files {
            if let Some(relative) = file.path.strip_prefix(folder) {
                let syntax = syn::parse_file(&file.contents)
                    .map_err(|e| format!("{}: not valid Rust: {e}", file.path))?;
                parsed.insert(relative, (file.path.as_str(), syntax));
            }
        }
        let (root_path, root) = parsed
            .get(root_name)
            .ok_or_else(|| format!("no `{folder}{root_name}` among the files read"))?;

        let mut children: BTreeMap<String, Vec<Declared>> = BTreeMap::new();
        for item in &root.items {
            if let Item::Mod(child) = item
                && child.content.is_none()
            {
                let name = child.ident.to_string();
                let file = parsed
                    .get(format!("{name}.rs").as_str())
                    .or_else(|| parsed.get(format!("{name}/mod.rs").as_str()));
                if let Some((path, syntax)) = file {
                    let mut declared = declared_items(syntax, path)?;
                    for (segments, leaf) in public_uses(syntax) {
                        declared.push(re_export(&segments, &leaf));
                    }
                    for item in &mut declared {
                        item.seen_from_root();
                    }
                    children.insert(name, declared);
                }
            }
        }

        // Items named in mod.rs shadow those a glob brings in, as in Rust; so the named
        // ones are collected first and the globs only fill in the names still free.
        let mut named: Vec<(String, Declared)> = declared_items(root, root_path)?
            .into_iter()
            .map(|d| (d.name.clone(), d))
            .collect();
        let mut globbed: Vec<Declared> = Vec::new();
        for (mut segments, leaf) in public_uses(root) {
            if segments.first().is_some_and(|s| s == "self") {
                segments.remove(0);
            }
            let child = match segments.as_slice() {
                [only] => children.get(only),
                _ => None,
            };
            match (child, &leaf) {
                (Some(declared), Leaf::Glob) => globbed.extend(declared.iter().cloned()),
                (Some(declared), Leaf::Name(name) | Leaf::Rename(name, _)) => {
                    let exported = leaf.exported_name().unwrap_or(name);
                    if let Some(found) = declared.iter().find(|d| &d.name == name) {
                        named.push((exported.to_owned(), found.clone()));
                    }
                }
                (None, _) => {
                    let declared = re_export(&segments, &leaf);
                    named.push((declared.name.clone(), declared));
                }
            }
        }

        let mut collector = Collector::default();
        let taken: BTreeSet<String> = named.iter().map(|(name, _)| name.clone()).collect();
        for (name, declared) in named {
            collector.export(&name, declared);
        }
        for declared in globbed {
            if !taken.contains(&declared.name) {
                collector.export(&declared.name.clone(), declared);
            }
        }

        let local_types: BTreeSet<String> = parsed
            .values()
            .flat_map(|(_, syntax)| syntax.items.iter().filter_map(type_ident))
            .collect();
        for (relative, (_, syntax)) in &parsed {
            let child = *relative != root_name;
            for item in &syntax.items {
                if let Item::Impl(block) = item {
                    collector.impl_block(block, &local_types, child);
                }
            }
        }
        // Public child modules (`pub mod mock;`), each read as a module of its own.
        for item in &root.items {
            if let Item::Mod(child) = item
                && child.content.is_none()
                && is_public(&child.vis)
            {
                let name = child.ident.to_string();
                let file = format!("{name}.rs");
                if parsed.contains_key(file.as_str()) {
                    let nested = PublicApi::of_tree(files, folder, &file)?;
                    for (path, item) in nested.items {
                        collector.insert(format!("{name}::{path}"), item);
                    }
                }
            }
        }
        Ok(PublicApi {
            items: collector.items,
        })
    }

    /// Items in path order.
    pub fn items(&self) -> impl Iterator<Item = (&str, &PublicItem)> {
        self.items.iter().map(|(path, item)| (path.as_str(), item))
    }

    /// The item at `path`, if the module has one.
    pub fn get(&self, path: &str) -> Option<&PublicItem> {
        self.items.get(path)
    }

    /// How many items the module has.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the module has no public items (or is missing on this side).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Every added, removed and changed item from `old` to `new`, in item-path order, each
/// classified.
///
/// Removed and changed items break code that uses them. Added items are compatible,
/// except a field or variant added to a type that already existed and was exhaustive:
/// struct literals and exhaustive matches written against it stop compiling. A type that
/// gains `#[non_exhaustive]` or private fields shows as a changed signature.
pub fn compare(old: &PublicApi, new: &PublicApi) -> Vec<ApiChange> {
    let paths: BTreeSet<&String> = old.items.keys().chain(new.items.keys()).collect();
    let mut changes = Vec::new();
    for path in paths {
        let (kind, level) = match (old.items.get(path), new.items.get(path)) {
            (Some(before), Some(after)) => {
                if before.kind == after.kind && before.signature == after.signature {
                    continue;
                }
                (ApiChangeKind::Changed, Level::Breaking)
            }
            (Some(_), None) => (ApiChangeKind::Removed, Level::Breaking),
            (None, Some(after)) => (ApiChangeKind::Added, added_level(after, old)),
            (None, None) => continue,
        };
        changes.push(ApiChange {
            kind,
            item: path.clone(),
            old: old.items.get(path).map(|i| i.signature.clone()),
            new: new.items.get(path).map(|i| i.signature.clone()),
            level,
            members: 0,
        });
    }
    fold_members(changes, old, new)
}

/// Folds the fields, variants, methods and impls of a type that comes or goes as a whole
/// into that type's entry: they follow from it, and listing each buries the news.
fn fold_members(changes: Vec<ApiChange>, old: &PublicApi, new: &PublicApi) -> Vec<ApiChange> {
    let whole: BTreeSet<(ApiChangeKind, String)> = changes
        .iter()
        .filter(|c| c.kind != ApiChangeKind::Changed)
        .map(|c| (c.kind, c.item.clone()))
        .collect();
    let parent_of = |change: &ApiChange| {
        let side = if change.kind == ApiChangeKind::Added {
            new
        } else {
            old
        };
        side.items
            .get(&change.item)
            .and_then(|item| item.parent.clone())
            .filter(|parent| whole.contains(&(change.kind, parent.clone())))
    };
    let mut folded: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept = Vec::new();
    for change in changes {
        match parent_of(&change) {
            Some(parent) => *folded.entry(parent).or_default() += 1,
            None => kept.push(change),
        }
    }
    for change in &mut kept {
        if change.kind != ApiChangeKind::Changed {
            change.members = folded.get(&change.item).copied().unwrap_or(0);
        }
    }
    kept
}

/// The old side's parent decides: users wrote their literals and matches against it, and
/// a parent that is new itself has no users yet.
fn added_level(item: &PublicItem, old: &PublicApi) -> Level {
    let member = matches!(item.kind, ItemKind::Field | ItemKind::Variant);
    let parent_exhaustive = item
        .parent
        .as_ref()
        .and_then(|parent| old.items.get(parent))
        .is_some_and(|parent| parent.exhaustive);
    if member && parent_exhaustive {
        Level::Breaking
    } else {
        Level::Compatible
    }
}

/// A public item as its file declares it, before it is known under which name the
/// module exports it.
#[derive(Debug, Clone)]
struct Declared {
    name: String,
    kind: ItemKind,
    signature: String,
    exhaustive: bool,
    /// Fields or variants: name, kind, signature.
    members: Vec<(String, ItemKind, String)>,
    /// The derived traits, already named by the trait-path rule.
    derives: Vec<String>,
    /// `<'a, T>` for a generic type, so derived impls name the type as users write it.
    type_args: String,
    /// `<T: Bound>`, the type's parameters as declared, without lifetimes alone: the
    /// generics of its derived impls, as a hand-written impl of the same trait has them.
    impl_params: String,
}

impl Declared {
    /// Rewrites the signatures of an item of a child file as the module root reads them.
    fn seen_from_root(&mut self) {
        self.signature = from_root(&self.signature);
        for (_, _, signature) in &mut self.members {
            *signature = from_root(signature);
        }
    }
}

/// The end of one path of a `use` tree.
enum Leaf {
    Name(String),
    Rename(String, String),
    Glob,
}

impl Leaf {
    fn exported_name(&self) -> Option<&str> {
        match self {
            Leaf::Name(name) => Some(name),
            Leaf::Rename(_, alias) => Some(alias),
            Leaf::Glob => None,
        }
    }
}

#[derive(Default)]
struct Collector {
    items: BTreeMap<String, PublicItem>,
    /// Declared name of each exported struct, enum or alias → the name it is exported
    /// under; impl blocks name their type as declared.
    exported_types: BTreeMap<String, String>,
}

impl Collector {
    /// Two items should never share a path, but a struct may have a field and a method
    /// of one name; both are kept, the later one suffixed, rather than one silently lost.
    /// The same item reached twice (a glob and a named `use`) is kept once.
    fn insert(&mut self, path: String, item: PublicItem) {
        let mut candidate = path.clone();
        let mut n = 1;
        loop {
            match self.items.get(&candidate) {
                None => {
                    self.items.insert(candidate, item);
                    return;
                }
                Some(existing) if *existing == item => return,
                Some(_) => {
                    n += 1;
                    candidate = format!("{path} #{n}");
                }
            }
        }
    }

    fn export(&mut self, name: &str, declared: Declared) {
        if matches!(
            declared.kind,
            ItemKind::Struct | ItemKind::Enum | ItemKind::TypeAlias
        ) {
            self.exported_types
                .entry(declared.name.clone())
                .or_insert_with(|| name.to_owned());
        }
        let item = PublicItem {
            exhaustive: declared.exhaustive,
            ..public_item(declared.kind, declared.signature, None)
        };
        self.insert(name.to_owned(), item);
        for (member, kind, signature) in declared.members {
            self.insert(
                format!("{name}::{member}"),
                public_item(kind, signature, Some(name)),
            );
        }
        // A derived impl reads as the impl it stands for, so that deriving a trait or
        // writing its impl out is no change.
        for derive in declared.derives {
            let header = format!("impl {derive} for {name}{}", declared.type_args);
            let signature = format!(
                "impl{} {derive} for {name}{}",
                declared.impl_params, declared.type_args
            );
            self.insert(
                header,
                public_item(ItemKind::TraitImpl, signature, Some(name)),
            );
        }
    }

    /// `child`: the block is in a child file, whose `super::` is the module root.
    fn impl_block(&mut self, block: &ItemImpl, local_types: &BTreeSet<String>, child: bool) {
        let rooted = |text: String| if child { from_root(&text) } else { text };
        let head = type_head(&block.self_ty);
        let exported = head
            .as_ref()
            .and_then(|h| self.exported_types.get(h))
            .cloned();
        let Some((trait_path, for_token)) = &block.trait_ else {
            // Methods of a type users cannot name are out of their reach.
            let Some(owner) = exported else { return };
            for member in &block.items {
                let (name, kind, signature) = match member {
                    ImplItem::Fn(f) if is_public(&f.vis) => (
                        f.sig.ident.to_string(),
                        ItemKind::Function,
                        fn_signature(&f.vis, &f.sig),
                    ),
                    ImplItem::Const(c) if is_public(&c.vis) => (
                        c.ident.to_string(),
                        ItemKind::Constant,
                        const_signature("const", &c.ident, &c.ty),
                    ),
                    ImplItem::Type(t) if is_public(&t.vis) => (
                        t.ident.to_string(),
                        ItemKind::TypeAlias,
                        format!("pub type {} = {}", t.ident, type_text(&t.ty)),
                    ),
                    _ => continue,
                };
                let item = public_item(kind, rooted(signature), Some(&owner));
                self.insert(format!("{owner}::{name}"), item);
            }
            return;
        };

        if exported.is_none() {
            // A private type's impls are unreachable. An impl on a foreign type
            // (`impl From<SortOrder> for String`) is the module's API when it names one
            // of the module's public types.
            if head.is_some_and(|h| local_types.contains(&h)) {
                return;
            }
            let mut names = BTreeSet::new();
            idents(trait_path.to_token_stream(), &mut names);
            idents(block.self_ty.to_token_stream(), &mut names);
            if !names.iter().any(|n| self.exported_types.contains_key(n)) {
                return;
            }
        }
        let mut shell = block.clone();
        shell.attrs.clear();
        shell.items.clear();
        shell.trait_ = Some((trait_name(trait_path), *for_token));
        // Lifetimes alone (`impl<'de> Deserialize for X`) are the impl's business.
        if shell
            .generics
            .params
            .iter()
            .all(|p| matches!(p, syn::GenericParam::Lifetime(_)))
        {
            shell.generics = Generics::default();
        }
        let signature = rooted(without_body(&unparse(vec![Item::Impl(shell.clone())])));
        shell.generics = Generics::default();
        let path = rooted(without_body(&unparse(vec![Item::Impl(shell)])));
        self.insert(
            path,
            public_item(ItemKind::TraitImpl, signature, exported.as_deref()),
        );
    }
}

/// An item that is not exhaustive, of `parent` if it is a member.
fn public_item(kind: ItemKind, signature: String, parent: Option<&str>) -> PublicItem {
    PublicItem {
        kind,
        signature,
        parent: parent.map(str::to_owned),
        exhaustive: false,
    }
}

/// The `pub` items of one file other than `use` declarations, which only `mod.rs` can
/// resolve.
fn declared_items(file: &syn::File, path: &str) -> Result<Vec<Declared>, String> {
    let mut declared = Vec::new();
    for item in &file.items {
        let found = match item {
            Item::Struct(s) if is_public(&s.vis) => declare_struct(s, path)?,
            Item::Enum(e) if is_public(&e.vis) => declare_enum(e, path)?,
            Item::Type(t) if is_public(&t.vis) => {
                let mut shell = t.clone();
                shell.attrs.clear();
                plain(
                    &t.ident,
                    ItemKind::TypeAlias,
                    without_semi(&unparse(vec![Item::Type(shell)])),
                )
            }
            Item::Fn(f) if is_public(&f.vis) => plain(
                &f.sig.ident,
                ItemKind::Function,
                fn_signature(&f.vis, &f.sig),
            ),
            Item::Const(c) if is_public(&c.vis) => plain(
                &c.ident,
                ItemKind::Constant,
                const_signature("const", &c.ident, &c.ty),
            ),
            Item::Static(s) if is_public(&s.vis) => {
                let mutable = matches!(s.mutability, syn::StaticMutability::Mut(_));
                let keyword = if mutable { "static mut" } else { "static" };
                plain(
                    &s.ident,
                    ItemKind::Constant,
                    const_signature(keyword, &s.ident, &s.ty),
                )
            }
            _ => continue,
        };
        declared.push(found);
    }
    Ok(declared)
}

/// An item without members, derives or generics.
fn plain(name: impl ToString, kind: ItemKind, signature: String) -> Declared {
    Declared {
        name: name.to_string(),
        kind,
        signature,
        exhaustive: false,
        members: Vec::new(),
        derives: Vec::new(),
        type_args: String::new(),
        impl_params: String::new(),
    }
}

fn declare_struct(item: &ItemStruct, path: &str) -> Result<Declared, String> {
    let non_exhaustive = item.attrs.iter().any(is_non_exhaustive);
    let all_public = item.fields.iter().all(|f| is_public(&f.vis));
    let mut shell = item.clone();
    shell.attrs.retain(is_non_exhaustive);
    shell.fields = Fields::Unit;
    shell.semi_token = Some(Default::default());
    let head = unparse(vec![Item::Struct(shell)]);
    let head = without_semi(&head);
    // Private fields are invisible as items, but they decide whether users can build the
    // struct; rustdoc's marker keeps that in the signature.
    let signature = match (&item.fields, all_public) {
        (Fields::Named(_), true) => head,
        (Fields::Named(_), false) => format!("{head} {{ /* private fields */ }}"),
        (Fields::Unnamed(_), true) => format!("{head}(..)"),
        (Fields::Unnamed(_), false) => format!("{head}(/* private fields */)"),
        (Fields::Unit, _) => format!("{head};"),
    };
    let members = item
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| is_public(&field.vis))
        .map(|(index, field)| {
            let ty = type_text(&field.ty);
            match &field.ident {
                Some(name) => (
                    name.to_string(),
                    ItemKind::Field,
                    format!("pub {name}: {ty}"),
                ),
                None => (index.to_string(), ItemKind::Field, format!("pub {ty}")),
            }
        })
        .collect();
    Ok(Declared {
        name: item.ident.to_string(),
        kind: ItemKind::Struct,
        signature,
        exhaustive: !non_exhaustive && all_public,
        members,
        derives: derives(&item.attrs, path, &item.ident)?,
        type_args: type_args(&item.generics),
        impl_params: impl_params(&item.generics),
    })
}

fn declare_enum(item: &ItemEnum, path: &str) -> Result<Declared, String> {
    let mut shell = item.clone();
    shell.attrs.retain(is_non_exhaustive);
    shell.variants.clear();
    let members = item
        .variants
        .iter()
        .map(|v| (v.ident.to_string(), ItemKind::Variant, variant_signature(v)))
        .collect();
    Ok(Declared {
        name: item.ident.to_string(),
        kind: ItemKind::Enum,
        signature: without_body(&unparse(vec![Item::Enum(shell)])),
        exhaustive: !item.attrs.iter().any(is_non_exhaustive),
        members,
        derives: derives(&item.attrs, path, &item.ident)?,
        type_args: type_args(&item.generics),
        impl_params: impl_params(&item.generics),
    })
}

fn derives(attrs: &[Attribute], path: &str, owner: &Ident) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let traits = attr
            .parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
            .map_err(|e| format!("{path}: cannot read the derives of `{owner}`: {e}"))?;
        found.extend(traits.iter().map(|t| path_text(&trait_name(t))));
    }
    Ok(found)
}

/// `<'a, T, N>` from a type's generic parameters, as its derived impls name it.
fn type_args(generics: &Generics) -> String {
    if generics.params.is_empty() {
        return String::new();
    }
    let args: Vec<String> = generics
        .params
        .iter()
        .map(|param| match param {
            syn::GenericParam::Lifetime(l) => l.lifetime.to_string(),
            syn::GenericParam::Type(t) => t.ident.to_string(),
            syn::GenericParam::Const(c) => c.ident.to_string(),
        })
        .collect();
    format!("<{}>", args.join(", "))
}

/// `<C: ErrorCode>`: a type's parameters with their bounds, printed as a hand-written
/// impl's are; nothing when it has none, or lifetimes only (which written-out impls leave
/// out of their signature too).
fn impl_params(generics: &Generics) -> String {
    if generics
        .params
        .iter()
        .all(|p| matches!(p, syn::GenericParam::Lifetime(_)))
    {
        return String::new();
    }
    let mut bare = generics.clone();
    bare.where_clause = None;
    let shell: ItemImpl = syn::parse_quote!(impl #bare X for Y {});
    let text = without_body(&unparse(vec![Item::Impl(shell)]));
    text.strip_prefix("impl")
        .and_then(|rest| rest.strip_suffix(" X for Y"))
        .unwrap_or_default()
        .to_owned()
}

/// Every path a `pub use` of `file` brings in, with the segments before its leaf.
fn public_uses(file: &syn::File) -> Vec<(Vec<String>, Leaf)> {
    let mut found = Vec::new();
    for item in &file.items {
        if let Item::Use(declaration) = item
            && is_public(&declaration.vis)
        {
            // An empty first segment stands for a leading `::`, which the signature keeps.
            let mut prefix = Vec::new();
            if declaration.leading_colon.is_some() {
                prefix.push(String::new());
            }
            use_leaves(&declaration.tree, &mut prefix, &mut found);
        }
    }
    found
}

fn use_leaves(tree: &UseTree, prefix: &mut Vec<String>, found: &mut Vec<(Vec<String>, Leaf)>) {
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_leaves(&p.tree, prefix, found);
            prefix.pop();
        }
        UseTree::Name(n) => found.push((prefix.clone(), Leaf::Name(n.ident.to_string()))),
        UseTree::Rename(r) => found.push((
            prefix.clone(),
            Leaf::Rename(r.ident.to_string(), r.rename.to_string()),
        )),
        UseTree::Glob(_) => found.push((prefix.clone(), Leaf::Glob)),
        UseTree::Group(g) => {
            for tree in &g.items {
                use_leaves(tree, prefix, found);
            }
        }
    }
}

/// A re-export of something outside the module, named as users name it: `Credentials`,
/// `Creds` for `.. as Creds`, or the whole path for a glob.
fn re_export(segments: &[String], leaf: &Leaf) -> Declared {
    let mut path = segments.to_vec();
    let (name, signature) = match leaf {
        Leaf::Name(name) if name == "self" => {
            let name = segments.last().cloned().unwrap_or_default();
            (name, format!("pub use {}", path.join("::")))
        }
        Leaf::Name(name) => {
            path.push(name.clone());
            (name.clone(), format!("pub use {}", path.join("::")))
        }
        Leaf::Rename(name, alias) => {
            path.push(name.clone());
            (
                alias.clone(),
                format!("pub use {} as {alias}", path.join("::")),
            )
        }
        Leaf::Glob => {
            path.push("*".to_owned());
            let whole = path.join("::");
            (whole.clone(), format!("pub use {whole}"))
        }
    };
    plain(name, ItemKind::ReExport, signature)
}

/// `pub const NAME: Type`, `pub static mut NAME: Type`.
fn const_signature(keyword: &str, ident: &Ident, ty: &Type) -> String {
    format!("pub {keyword} {ident}: {}", type_text(ty))
}

/// Only plain `pub` is visible to users of the crate; `pub(crate)` and the like are not.
fn is_public(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

fn is_non_exhaustive(attr: &Attribute) -> bool {
    attr.path().is_ident("non_exhaustive")
}

/// The name of a struct, enum, alias or union any file of the module declares, public
/// or not: impls on these are the module's own, never on a foreign type.
fn type_ident(item: &Item) -> Option<String> {
    match item {
        Item::Struct(s) => Some(s.ident.to_string()),
        Item::Enum(e) => Some(e.ident.to_string()),
        Item::Type(t) => Some(t.ident.to_string()),
        Item::Union(u) => Some(u.ident.to_string()),
        _ => None,
    }
}

/// The name a self type is declared under: `OpRequest` for `OpRequest<'a>`,
/// `Client` for `super::Client`.
fn type_head(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last().map(|s| s.ident.to_string()),
        Type::Reference(r) => type_head(&r.elem),
        Type::Paren(p) => type_head(&p.elem),
        Type::Group(g) => type_head(&g.elem),
        _ => None,
    }
}

fn idents(tokens: TokenStream, found: &mut BTreeSet<String>) {
    for token in tokens {
        match token {
            TokenTree::Ident(ident) => {
                found.insert(ident.to_string());
            }
            TokenTree::Group(group) => idents(group.stream(), found),
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

/// The trait-path rule of the module docs: the last segment with its arguments, or the
/// whole path for the crate's own traits.
fn trait_name(path: &Path) -> Path {
    let first = path.segments.first().map(|s| s.ident.to_string());
    let own = path.leading_colon.is_none()
        && matches!(first.as_deref(), Some("crate" | "super" | "self"));
    let mut named = match path.segments.last() {
        Some(last) if !own && path.segments.len() > 1 => Path {
            leading_colon: None,
            segments: std::iter::once(last.clone()).collect(),
        },
        _ => path.clone(),
    };
    // `Deserialize<'de>` written out is the derive's `Deserialize`: lifetimes alone are
    // the impl's business, not what the type offers.
    if let Some(last) = named.segments.last_mut()
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && args
            .args
            .iter()
            .all(|arg| matches!(arg, syn::GenericArgument::Lifetime(_)))
    {
        last.arguments = syn::PathArguments::None;
    }
    named
}

fn path_text(path: &Path) -> String {
    type_text(&Type::Path(TypePath {
        attrs: Vec::new(),
        qself: None,
        path: path.clone(),
    }))
}

/// A function's signature without its body or attributes. `mut` on a binding is the
/// body's business, not the caller's, so `mut self` prints as `self`.
fn fn_signature(vis: &Visibility, sig: &Signature) -> String {
    let mut sig = sig.clone();
    for input in &mut sig.inputs {
        match input {
            FnArg::Receiver(receiver) => {
                receiver.attrs.clear();
                if !matches!(receiver.kind, syn::ReceiverKind::Reference(..)) {
                    receiver.mutability = None;
                }
            }
            FnArg::Typed(typed) => {
                typed.attrs.clear();
                if let Pat::Ident(binding) = typed.pat.as_mut() {
                    binding.mutability = None;
                }
            }
        }
    }
    let item = Item::Fn(ItemFn {
        attrs: Vec::new(),
        vis: vis.clone(),
        modifiers: Default::default(),
        sig,
        block: Box::new(Block {
            brace_token: Default::default(),
            stmts: Vec::new(),
        }),
    });
    without_body(&unparse(vec![item]))
}

/// A variant as it is written inside its enum: `Asc`, `Unknown(String)`, `Low = 0`.
fn variant_signature(variant: &Variant) -> String {
    let mut variant = variant.clone();
    variant.attrs.retain(is_non_exhaustive);
    for field in variant.fields.iter_mut() {
        field.attrs.clear();
    }
    let shell = Item::Enum(ItemEnum {
        attrs: Vec::new(),
        vis: Visibility::Inherited,
        enum_token: Default::default(),
        ident: Ident::new("Shell", Span::call_site()),
        generics: Generics::default(),
        brace_token: Default::default(),
        variants: std::iter::once(variant).collect(),
    });
    let inner = inside(shell, "enum Shell {", "}");
    let inner = inner.trim();
    inner
        .strip_suffix(',')
        .unwrap_or(inner)
        .trim_end()
        .to_owned()
}

/// A type as prettyplease writes it: `Vec<String>`, `&'static str`.
fn type_text(ty: &Type) -> String {
    let shell = Item::Type(ItemType {
        attrs: Vec::new(),
        vis: Visibility::Inherited,
        modifiers: Default::default(),
        type_token: Default::default(),
        ident: Ident::new("Shell", Span::call_site()),
        generics: Generics::default(),
        eq_token: Default::default(),
        ty: Box::new(ty.clone()),
        semi_token: Default::default(),
        where_clause_placement: syn::WhereClausePlacement::Late,
    });
    inside(shell, "type Shell = ", ";")
}

/// The printed text of a shell item between `prefix` and `suffix`.
fn inside(shell: Item, prefix: &str, suffix: &str) -> String {
    let text = unparse(vec![shell]);
    text.strip_prefix(prefix)
        .and_then(|t| t.strip_suffix(suffix))
        .unwrap_or(&text)
        .to_owned()
}

/// A child file names the module root `super`, and item paths are relative to that
/// root: `super::RetryPolicy` is the `RetryPolicy` users see, and a generator switching
/// between the two spellings changes nothing for them. Only a `super` that starts a path
/// is dropped.
fn from_root(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("super::") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let inside_path = out
            .chars()
            .last()
            .is_some_and(|c| c == ':' || c == '_' || c.is_alphanumeric());
        if inside_path {
            out.push_str("super::");
        }
        rest = &after["super::".len()..];
    }
    out.push_str(rest);
    out
}

/// Pretty-prints items and folds the result onto one line, undoing the line wrapping
/// prettyplease applies to long signatures (`(\n    a,\n)` would read `( a, )`).
fn unparse(items: Vec<Item>) -> String {
    let file = syn::File {
        shebang: None,
        frontmatter: None,
        attrs: Vec::new(),
        items,
    };
    let mut line = prettyplease::unparse(&file)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (wrapped, tight) in [
        (", )", ")"),
        (", ]", "]"),
        (", >", ">"),
        (", }", " }"),
        ("( ", "("),
        ("[ ", "["),
        ("< ", "<"),
    ] {
        line = line.replace(wrapped, tight);
    }
    line
}

/// Drops the empty `{}` the printer needs, and the comma a `where` clause leaves before it.
fn without_body(text: &str) -> String {
    let text = text.strip_suffix("{}").unwrap_or(text).trim_end();
    text.strip_suffix(',').unwrap_or(text).to_owned()
}

fn without_semi(text: &str) -> String {
    text.strip_suffix(';').unwrap_or(text).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOD_RS: &str = r#"
//! The widgets service.

mod errors;
mod operations;
mod types;

pub use errors::{Error, Result};
pub use operations::*;
pub use types::*;
pub use crate::runtime::{Credentials, RetryPolicy};

/// The data centers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum Region {
    /// The only one.
    #[default]
    Us,
    Eu,
}

impl Region {
    /// Every region.
    pub const ALL: [Region; 2usize] = [Region::Us, Region::Eu];

    pub fn api_url(self) -> &'static str {
        match self {
            Self::Us => "https://us",
            Self::Eu => "https://eu",
        }
    }

    pub fn accounts_url(self) -> Option<&'static str> {
        None
    }
}

#[derive(Debug, Clone)]
pub struct Client {
    transport: crate::runtime::Transport,
}

impl Client {
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    pub(crate) fn transport(&self) -> &crate::runtime::Transport {
        &self.transport
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Widgets;

impl crate::runtime::Service for Widgets {
    type Region = Region;

    const NAME: &'static str = "widgets";

    fn api_url(region: Region) -> &'static str {
        region.api_url()
    }
}

pub type ClientBuilder = crate::runtime::ClientBuilder<Widgets>;

impl ClientBuilder {
    pub fn build(self) -> Result<Client> {
        todo!()
    }
}
"#;

    const ERRORS_RS: &str = r#"
pub type Error = crate::runtime::Error<ErrorCode>;

/// The result.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ErrorCode {
    Unknown(String),
}

pub(crate) const ERROR_SHAPE: Option<u8> = None;
"#;

    const TYPES_RS: &str = r#"
use std::fmt;
use serde::{Deserialize, Serialize};

/// A widget.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Widget {
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub tags: Vec<String>,
    #[serde(rename = "type")]
    pub r#type: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum SortOrder {
    /// `asc`
    Asc,
    Desc,
    Unknown(String),
}

impl SortOrder {
    pub fn as_str(&self) -> &str {
        "asc"
    }
}

impl From<String> for SortOrder {
    fn from(value: String) -> Self {
        Self::Unknown(value)
    }
}

impl From<SortOrder> for String {
    fn from(value: SortOrder) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for SortOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

pub const MAX_NAME: &'static str = "x";

pub(crate) struct Hidden {
    pub secret: u8,
}

#[derive(Debug)]
struct Page {
    items: Vec<Widget>,
}

impl Page {
    pub fn unreachable(&self) {}
}

impl From<Page> for String {
    fn from(_: Page) -> Self {
        String::new()
    }
}
"#;

    const OPERATIONS_RS: &str = r#"
use futures::Stream;
use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Lists widgets.
    pub fn list_widgets(&self) -> ListWidgetsRequest<'_> {
        todo!()
    }

    pub fn get_widget_with_a_rather_long_name(
        &self,
        widget_identifier: impl Into<String>,
        another_argument: Option<Vec<String>>,
    ) -> ListWidgetsRequest<'_> {
        todo!()
    }
}

#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListWidgetsRequest<'a> {
    client: &'a Client,
    page: Option<i64>,
}

impl ListWidgetsRequest<'_> {
    pub fn page(mut self, page: i64) -> Self {
        self.page = Some(page);
        self
    }

    pub fn retry(self, policy: super::RetryPolicy) -> Self {
        self
    }

    pub async fn send(self) -> Result<Vec<Widget>> {
        todo!()
    }

    fn check(&self) -> Result<()> {
        Ok(())
    }
}

impl<'a> ListWidgetsRequest<'a> {
    pub fn stream(self) -> impl Stream<Item = Result<Widget>> + Send + 'a {
        futures::stream::empty()
    }
}
"#;

    fn files(sources: &[(&str, &str)]) -> Vec<GeneratedFile> {
        sources
            .iter()
            .map(|(path, contents)| GeneratedFile {
                path: format!("src/widgets/{path}"),
                contents: (*contents).to_owned(),
            })
            .collect()
    }

    fn api(sources: &[(&str, &str)]) -> PublicApi {
        PublicApi::of_module(&files(sources), "widgets").expect("the sources are valid Rust")
    }

    fn full() -> PublicApi {
        api(&[
            ("mod.rs", MOD_RS),
            ("errors.rs", ERRORS_RS),
            ("types.rs", TYPES_RS),
            ("operations.rs", OPERATIONS_RS),
        ])
    }

    fn signature<'a>(api: &'a PublicApi, path: &str) -> &'a str {
        match api.get(path) {
            Some(item) => &item.signature,
            None => panic!("no item `{path}` among {:#?}", api.items),
        }
    }

    #[test]
    fn lists_public_items_with_normalized_signatures() {
        let api = full();
        let expected = [
            ("Widget", "#[non_exhaustive] pub struct Widget"),
            ("Widget::name", "pub name: Option<String>"),
            ("Widget::tags", "pub tags: Vec<String>"),
            ("Widget::r#type", "pub r#type: Option<&'static str>"),
            ("impl Default for Widget", "impl Default for Widget"),
            ("impl Deserialize for Widget", "impl Deserialize for Widget"),
            ("SortOrder", "#[non_exhaustive] pub enum SortOrder"),
            ("SortOrder::Asc", "Asc"),
            ("SortOrder::Unknown", "Unknown(String)"),
            ("SortOrder::as_str", "pub fn as_str(&self) -> &str"),
            ("impl Display for SortOrder", "impl Display for SortOrder"),
            (
                "impl From<String> for SortOrder",
                "impl From<String> for SortOrder",
            ),
            (
                "impl From<SortOrder> for String",
                "impl From<SortOrder> for String",
            ),
            ("MAX_NAME", "pub const MAX_NAME: &'static str"),
            ("Client", "pub struct Client { /* private fields */ }"),
            ("Client::builder", "pub fn builder() -> ClientBuilder"),
            (
                "Client::list_widgets",
                "pub fn list_widgets(&self) -> ListWidgetsRequest<'_>",
            ),
            (
                "Client::get_widget_with_a_rather_long_name",
                "pub fn get_widget_with_a_rather_long_name(&self, widget_identifier: impl Into<String>, another_argument: Option<Vec<String>>) -> ListWidgetsRequest<'_>",
            ),
            (
                "ListWidgetsRequest",
                "pub struct ListWidgetsRequest<'a> { /* private fields */ }",
            ),
            (
                "impl Clone for ListWidgetsRequest<'a>",
                "impl Clone for ListWidgetsRequest<'a>",
            ),
            (
                "ListWidgetsRequest::page",
                "pub fn page(self, page: i64) -> Self",
            ),
            (
                "ListWidgetsRequest::retry",
                "pub fn retry(self, policy: RetryPolicy) -> Self",
            ),
            (
                "ListWidgetsRequest::send",
                "pub async fn send(self) -> Result<Vec<Widget>>",
            ),
            (
                "ListWidgetsRequest::stream",
                "pub fn stream(self) -> impl Stream<Item = Result<Widget>> + Send + 'a",
            ),
            ("Region", "#[non_exhaustive] pub enum Region"),
            ("Region::Us", "Us"),
            ("Region::ALL", "pub const ALL: [Region; 2usize]"),
            ("Region::api_url", "pub fn api_url(self) -> &'static str"),
            (
                "Region::accounts_url",
                "pub fn accounts_url(self) -> Option<&'static str>",
            ),
            ("Widgets", "pub struct Widgets;"),
            (
                "impl crate::runtime::Service for Widgets",
                "impl crate::runtime::Service for Widgets",
            ),
            (
                "ClientBuilder",
                "pub type ClientBuilder = crate::runtime::ClientBuilder<Widgets>",
            ),
            (
                "ClientBuilder::build",
                "pub fn build(self) -> Result<Client>",
            ),
            (
                "Result",
                "pub type Result<T, E = Error> = std::result::Result<T, E>",
            ),
            ("Error", "pub type Error = crate::runtime::Error<ErrorCode>"),
            ("Credentials", "pub use crate::runtime::Credentials"),
            ("RetryPolicy", "pub use crate::runtime::RetryPolicy"),
        ];
        for (path, sig) in expected {
            assert_eq!(signature(&api, path), sig, "signature of `{path}`");
        }
        assert_eq!(
            api.get("Credentials").map(|i| i.kind),
            Some(ItemKind::ReExport)
        );
        assert_eq!(
            api.get("Widget::name").and_then(|i| i.parent.as_deref()),
            Some("Widget")
        );
        assert_eq!(
            api.get("impl Display for SortOrder").map(|i| i.kind),
            Some(ItemKind::TraitImpl)
        );
        // The trait's members are the trait's API, not the module's.
        assert!(api.get("Widgets::NAME").is_none());
        assert!(api.items().all(|(path, _)| !path.starts_with("Widgets::")));
    }

    #[test]
    fn private_and_crate_visible_items_are_left_out() {
        let api = full();
        for path in [
            "Client::transport",
            "ListWidgetsRequest::check",
            "ListWidgetsRequest::client",
            "ErrorCode",
            "ErrorCode::Unknown",
            "ERROR_SHAPE",
            "Hidden",
            "Hidden::secret",
            "Page",
            "Page::unreachable",
            "impl Debug for Page",
            "impl From<Page> for String",
            "Stream",
            "fmt",
        ] {
            assert!(api.get(path).is_none(), "`{path}` should not be listed");
        }
    }

    #[test]
    fn named_items_shadow_globs_and_renames_are_followed() {
        let api = api(&[
            (
                "mod.rs",
                "mod types;\npub use types::*;\npub use types::Gadget as Gizmo;\npub struct Widget { pub own: u8 }\n",
            ),
            (
                "types.rs",
                "pub struct Widget { pub other: u8 }\n#[derive(Debug)]\npub struct Gadget(pub u8);\nimpl Gadget { pub fn get(&self) -> u8 { self.0 } }\n",
            ),
        ]);
        assert!(api.get("Widget::own").is_some());
        assert!(api.get("Widget::other").is_none());
        assert_eq!(signature(&api, "Gizmo"), "pub struct Gadget(..)");
        assert_eq!(signature(&api, "Gizmo::0"), "pub u8");
        assert_eq!(
            signature(&api, "impl Debug for Gizmo"),
            "impl Debug for Gizmo"
        );
        // Reachable under both names, the type files its methods under the one named
        // explicitly, which is seen first.
        assert!(api.get("Gadget").is_some());
        assert!(api.get("Gizmo::get").is_some());
        assert!(api.get("Gadget::get").is_none());
    }

    #[test]
    fn a_field_and_a_method_of_one_name_are_both_kept() {
        let api = api(&[(
            "mod.rs",
            "pub struct Widget { pub name: String }\nimpl Widget { pub fn name(&self) -> &str { &self.name } }\n",
        )]);
        assert_eq!(signature(&api, "Widget::name"), "pub name: String");
        assert_eq!(
            signature(&api, "Widget::name #2"),
            "pub fn name(&self) -> &str"
        );
    }

    #[test]
    fn only_a_super_that_starts_a_path_is_dropped() {
        assert_eq!(
            from_root("pub fn f(a: super::A, b: Vec<super::B>) -> crate::super_x::C"),
            "pub fn f(a: A, b: Vec<B>) -> crate::super_x::C"
        );
        assert_eq!(from_root("x::super::Y"), "x::super::Y");
    }

    fn change<'a>(changes: &'a [ApiChange], item: &str) -> &'a ApiChange {
        match changes.iter().find(|c| c.item == item) {
            Some(found) => found,
            None => panic!("no change of `{item}` among {changes:#?}"),
        }
    }

    #[test]
    fn compare_classifies_every_change() {
        let old = api(&[
            ("mod.rs", "mod types;\npub use types::*;\n"),
            (
                "types.rs",
                r#"
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Open { pub a: u8 }

#[derive(Debug)]
pub struct Closed { pub a: u8 }

#[derive(Debug)]
pub struct Sealed { pub a: u8, hidden: u8 }

pub enum Exhaustive { A }

#[non_exhaustive]
pub enum Extensible { A }

pub struct Plain { pub a: u8 }

impl Open {
    pub fn gone(&self) {}
    pub fn kept(&self) -> u8 { self.a }
}
"#,
            ),
        ]);
        let new = api(&[
            ("mod.rs", "mod types;\npub use types::*;\n"),
            (
                "types.rs",
                r#"
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Open { pub a: u16, pub b: u8 }

#[derive(Debug)]
pub struct Closed { pub a: u8, pub b: u8 }

#[derive(Debug)]
pub struct Sealed { pub a: u8, pub b: u8, hidden: u8 }

pub enum Exhaustive { A, B }

#[non_exhaustive]
pub enum Extensible { A, B }

#[non_exhaustive]
pub struct Plain { pub a: u8 }

pub struct Fresh { pub a: u8 }

impl Open {
    pub fn kept(&self) -> u8 { 0 }
}
"#,
            ),
        ]);
        let changes = compare(&old, &new);
        let expect = |item: &str, kind: ApiChangeKind, level: Level| {
            let found = change(&changes, item);
            assert_eq!((found.kind, found.level), (kind, level), "{found:#?}");
        };
        expect("Open::a", ApiChangeKind::Changed, Level::Breaking);
        expect("Open::b", ApiChangeKind::Added, Level::Compatible);
        expect("Open::gone", ApiChangeKind::Removed, Level::Breaking);
        expect(
            "impl Default for Open",
            ApiChangeKind::Added,
            Level::Compatible,
        );
        expect(
            "impl PartialEq for Open",
            ApiChangeKind::Removed,
            Level::Breaking,
        );
        expect("Closed::b", ApiChangeKind::Added, Level::Breaking);
        // Users could not build it with a literal: its private field saw to that.
        expect("Sealed::b", ApiChangeKind::Added, Level::Compatible);
        expect("Exhaustive::B", ApiChangeKind::Added, Level::Breaking);
        expect("Extensible::B", ApiChangeKind::Added, Level::Compatible);
        expect("Plain", ApiChangeKind::Changed, Level::Breaking);
        // A new type's fields have no users to break; they come with it, folded into its entry.
        expect("Fresh", ApiChangeKind::Added, Level::Compatible);
        assert!(changes.iter().all(|c| c.item != "Fresh::a"));
        assert!(change(&changes, "Fresh").members >= 1);

        let open_a = change(&changes, "Open::a");
        assert_eq!(open_a.old.as_deref(), Some("pub a: u8"));
        assert_eq!(open_a.new.as_deref(), Some("pub a: u16"));
        assert_eq!(change(&changes, "Open::gone").new, None);
        assert_eq!(change(&changes, "Open::b").old, None);
        assert!(
            changes
                .iter()
                .all(|c| c.item != "Open::kept" && c.item != "Open")
        );
        let paths: Vec<&str> = changes.iter().map(|c| c.item.as_str()).collect();
        let mut sorted = paths.clone();
        sorted.sort_unstable();
        assert_eq!(paths, sorted, "changes come in path order");
    }

    #[test]
    fn a_missing_side_is_all_added_or_all_removed() {
        let api = full();
        let empty = PublicApi::default();
        assert!(empty.is_empty());
        let added = compare(&empty, &api);
        // Members of a type come with it: one entry per top-level item, counting its members.
        let listed: usize = added.iter().map(|c| 1 + c.members).sum();
        assert_eq!(listed, api.len());
        assert!(added.len() < api.len());
        assert!(
            added
                .iter()
                .all(|c| c.kind == ApiChangeKind::Added && c.level == Level::Compatible)
        );
        let removed = compare(&api, &empty);
        assert_eq!(
            removed.iter().map(|c| 1 + c.members).sum::<usize>(),
            api.len()
        );
        assert!(
            removed
                .iter()
                .all(|c| c.kind == ApiChangeKind::Removed && c.level == Level::Breaking)
        );
        assert!(compare(&api, &api).is_empty());
    }

    #[test]
    fn invalid_rust_is_an_error_naming_the_file() {
        let result = PublicApi::of_module(
            &files(&[
                ("mod.rs", "mod types;\npub use types::*;\n"),
                ("types.rs", "pub struct Widget {\n"),
            ]),
            "widgets",
        );
        match result {
            Err(message) => assert!(message.contains("widgets/types.rs"), "{message}"),
            Ok(api) => panic!("expected an error, got {api:#?}"),
        }
        let missing = PublicApi::of_module(&files(&[("types.rs", "")]), "widgets");
        assert!(missing.is_err_and(|m| m.contains("widgets/mod.rs")));
    }

    #[test]
    fn a_derive_and_the_same_impl_written_out_are_one_item() {
        let derived = api(&[(
            "mod.rs",
            "#[derive(serde::Deserialize)]\npub struct Widget { pub id: u8 }\n",
        )]);
        let written = api(&[(
            "mod.rs",
            "pub struct Widget { pub id: u8 }\nimpl<'de> serde::Deserialize<'de> for Widget { fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> { Err(serde::de::Error::custom(\"unused\")) } }\n",
        )]);
        assert!(
            compare(&derived, &written).is_empty(),
            "{:?}",
            compare(&derived, &written)
        );
    }

    #[test]
    fn a_derive_on_a_generic_type_and_its_impl_written_out_are_one_item() {
        let derived = api(&[(
            "mod.rs",
            "#[derive(Debug)]\npub struct Held<C: Clone> { pub c: C }\n",
        )]);
        let written = api(&[(
            "mod.rs",
            "pub struct Held<C: Clone> { pub c: C }\nimpl<C: Clone> std::fmt::Debug for Held<C> { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { Ok(()) } }\n",
        )]);
        assert!(
            compare(&derived, &written).is_empty(),
            "{:?}",
            compare(&derived, &written)
        );
    }

    #[test]
    fn reads_the_generated_client() {
        let specs = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../specs"));
        let (loaded, failed) = codegen::load_dir(specs).expect("specs/ is readable");
        assert!(failed.is_empty(), "specs failed to load");
        let settings = codegen::settings::CrateSettings::new("client", "specs");
        let files = codegen::generate(&loaded, &settings, None).expect("the specs generate");

        let api = PublicApi::of_module(&files, "zoho_crm").expect("zoho_crm reads");
        for path in [
            "Client::list_org_enrichments",
            "Client::get_org_enrichment",
            "ListOrgEnrichmentsRequest::stream",
            "ListOrgEnrichmentsRequest::send",
            "EnrichmentJob::id",
            "EnrichmentStatus::Unknown",
            "impl Default for EnrichBasedOn",
            "impl Display for ErrorCode",
            "impl crate::runtime::ErrorCode for ErrorCode",
            "Region::ALL",
            "ClientBuilder::build",
        ] {
            assert!(api.get(path).is_some(), "`{path}` missing");
        }
        assert_eq!(
            signature(&api, "Credentials"),
            "pub use crate::runtime::Credentials"
        );
        assert_eq!(
            signature(&api, "ListOrgEnrichmentsRequest::stream"),
            "pub fn stream(self) -> impl Stream<Item = Result<EnrichmentJob>> + Send + 'a"
        );
        assert_eq!(
            signature(&api, "Client::get_org_enrichment"),
            "pub fn get_org_enrichment(&self, job_id: impl Into<String>) -> GetOrgEnrichmentRequest<'_>"
        );
        // EnrichmentJob has required fields, so it derives no Default.
        assert!(api.get("impl Default for EnrichmentJob").is_none());
        assert!(api.get("Client::transport").is_none());
        assert!(api.get("ERROR_SHAPE").is_none());
        assert!(api.items().all(|(path, _)| !path.contains("RequestPage")));
        assert!(compare(&api, &api).is_empty());

        let modules: Vec<&str> = files
            .iter()
            .filter_map(|f| f.path.strip_prefix("src/")?.strip_suffix("/mod.rs"))
            .filter(|m| !m.contains('/') && *m != "runtime")
            .collect();
        assert!(modules.contains(&"zoho_crm"));
        for module in modules {
            let api = PublicApi::of_module(&files, module).expect("every module reads");
            assert!(!api.is_empty(), "{module} has public items");
            for (path, item) in api.items() {
                let sig = &item.signature;
                assert!(
                    !sig.contains('\n')
                        && !sig.contains("  ")
                        && !sig.contains("( ")
                        && !sig.contains(", )")
                        && !sig.contains(", >"),
                    "{module}: `{path}` has an unnormalized signature: {sig}"
                );
            }
        }
    }
}
