// Loads the wasm of the islands when a reader first reaches for one, not with every page.
//
// Adapted from leptos 0.8's islands loader (leptos/src/hydration/island_script.js, MIT licence,
// © Greg Johnston and the Leptos contributors): the island traversal is the same; what differs is
// when it runs. Leptos preloads the JS glue and the wasm (about 140 KB over the wire) with every
// page, even with JavaScript off, and hydrates on idle; here nothing is fetched until a pointer
// moves over, a finger touches, or the focus enters an island (the search box, the gate filters).
// Every island is a plain form that works before (and without) its wasm, so a reader who types
// while the wasm is still arriving loses nothing: once the islands have hydrated, the controls
// whose value the reader already changed are announced again with `input` and `change` events.
((root, pkgPath, jsName, wasmName) => {
	const TRIGGERS = ["pointerover", "pointerdown", "touchstart", "focusin"];
	const MOST_RECENT_CHILDREN_CB = [];
	let started = false;

	const islandOf = (node) => (node instanceof Element ? node.closest("leptos-island") : null);

	async function hydrateIslands(rootNode, mod) {
		async function traverse(node) {
			if (node.nodeType !== Node.ELEMENT_NODE) return;
			const tag = node.tagName.toLowerCase();
			if (tag === "leptos-island") {
				await hydrateIsland(node, node.dataset.component || null, mod);
				for (const child of node.children) await traverse(child);
			} else if (tag === "leptos-children") {
				MOST_RECENT_CHILDREN_CB.push(node.$$on_hydrate);
				for (const child of node.children) await traverse(child);
				MOST_RECENT_CHILDREN_CB.pop();
			} else {
				for (const child of node.children) await traverse(child);
			}
		}
		await traverse(rootNode);
	}

	async function hydrateIsland(el, id, mod) {
		const islandFn = mod[id];
		if (!islandFn) {
			console.warn(`Could not find WASM function for the island ${id}.`);
			return;
		}
		const childrenCb = MOST_RECENT_CHILDREN_CB[MOST_RECENT_CHILDREN_CB.length - 1];
		if (childrenCb) childrenCb();
		const res = islandFn(el);
		if (res && res.then) await res;
	}

	// What the reader did to an island's controls while its wasm was on the way.
	function replayEdits() {
		for (const el of document.querySelectorAll("leptos-island input, leptos-island textarea, leptos-island select")) {
			const changed =
				el instanceof HTMLSelectElement
					? Array.from(el.options).some((o) => o.selected !== o.defaultSelected)
					: el.type === "checkbox" || el.type === "radio"
						? el.checked !== el.defaultChecked
						: el.value !== el.defaultValue;
			if (changed) {
				el.dispatchEvent(new Event("input", { bubbles: true }));
				el.dispatchEvent(new Event("change", { bubbles: true }));
			}
		}
	}

	function load() {
		if (started) return;
		started = true;
		for (const type of TRIGGERS) document.removeEventListener(type, onTrigger, true);
		document.documentElement.dataset.islands = "loading";
		import(`${root}/${pkgPath}/${jsName}.js`)
			.then((mod) =>
				mod.default({ module_or_path: `${root}/${pkgPath}/${wasmName}.wasm` }).then(async () => {
					mod.hydrate();
					window.__hydrateIsland = (el, id) => hydrateIsland(el, id, mod);
					await hydrateIslands(document.body, mod);
					replayEdits();
					document.documentElement.dataset.islands = "hydrated";
				}),
			)
			.catch((error) => {
				// The forms keep working as plain HTML; say why the extras did not arrive.
				document.documentElement.dataset.islands = "failed";
				console.warn("islands not loaded:", error);
			});
	}

	function onTrigger(event) {
		if (islandOf(event.target)) load();
	}

	if (!document.querySelector("leptos-island")) return;
	for (const type of TRIGGERS) document.addEventListener(type, onTrigger, { capture: true, passive: true });
	// The focus may already be inside an island (autofocus, or a reader quicker than the parser).
	if (islandOf(document.activeElement)) load();
})
