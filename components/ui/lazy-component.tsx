"use client";

import { type ComponentType, lazy, useState } from "react";

/**
 * A component whose code is fetched on first use, like React.lazy, with a `preload` to fetch it
 * sooner (on idle, on hover). Once the code is here it renders at once: a lazy component that
 * suspends, even for a module already loaded, is revealed only after React's fallback throttle
 * (about 300 ms), which a dialog opened by a click would show as lag. Needs a Suspense boundary
 * above it for the first use.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | null = null;
  const preload = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per module, at its top level, as React.lazy's components are
  function LazyComponent(props: Props) {
    // Chosen once per mount, so that the component keeps its state when its code arrives.
    const [Component] = useState<ComponentType<Props>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { Component: LazyComponent, preload };
}
