"use client";

import { useMutation } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { StreamClient, type StreamListener, type StreamState } from "@/lib/stream/stream-client";
import { useTRPC } from "@/trpc/react";

/** A connection with what it was opened for, so an inner provider asking the same can share it. */
interface StreamHandle {
  client: StreamClient;
  url: string;
  authenticated: boolean;
}

const StreamContext = createContext<StreamHandle | null>(null);

interface StreamProviderProps {
  url: string;
  authenticated: boolean;
  children: ReactNode;
}

/**
 * One gateway connection for the page. The URL comes from the server's environment
 * (`STREAM_PUBLIC_URL`), handed down as a prop. A logged-in trader's connection authenticates
 * with a token fetched fresh for each connection attempt. The layout opens the logged-in
 * trader's connection for the whole tab (the header's bell listens on it); a page asking for the
 * same connection shares it, so a tab holds one socket, kept across page changes.
 */
export function StreamProvider({ url, authenticated, children }: StreamProviderProps) {
  const outer = useContext(StreamContext);
  if (outer && outer.url === url && outer.authenticated === authenticated) return children;
  return (
    <OwnStreamProvider url={url} authenticated={authenticated}>
      {children}
    </OwnStreamProvider>
  );
}

function OwnStreamProvider({ url, authenticated, children }: StreamProviderProps) {
  const trpc = useTRPC();
  const { mutateAsync: issueToken } = useMutation(trpc.trading.streamToken.mutationOptions());
  const issueTokenRef = useRef(issueToken);
  issueTokenRef.current = issueToken;

  const [client] = useState(
    () =>
      new StreamClient({
        url,
        fetchToken: authenticated ? async () => (await issueTokenRef.current()).token : undefined,
      }),
  );

  // React may unmount and mount the provider again at once (strict mode's second pass, a
  // re-keyed parent): the stop waits a tick, and a start meanwhile keeps the same connection
  // instead of opening a second one and abandoning the first mid-handshake.
  const pendingStop = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(pendingStop.current);
    client.start();
    const online = () => client.reconnectNow();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      pendingStop.current = setTimeout(() => client.stop(), 0);
    };
  }, [client]);

  const [handle] = useState(() => ({ client, url, authenticated }));
  return <StreamContext.Provider value={handle}>{children}</StreamContext.Provider>;
}

export function useStreamClient(): StreamClient {
  const handle = useContext(StreamContext);
  if (!handle) throw new Error("useStreamClient needs a <StreamProvider>");
  return handle.client;
}

const SERVER_STATE: StreamState = {
  status: "connecting",
  authenticated: false,
  connections: 0,
  flowing: false,
};

/** The connection's status, re-rendering on change. */
export function useStreamState(): StreamState {
  const client = useStreamClient();
  return useSyncExternalStore(
    (onChange) => client.onState(onChange),
    client.getState,
    () => SERVER_STATE,
  );
}

/**
 * Listens to `channel` while mounted (and while `channel` is not null). The handler may change
 * between renders without resubscribing.
 */
export function useChannel(channel: string | null, handler: StreamListener): void {
  const client = useStreamClient();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => {
    if (channel === null) return;
    return client.subscribe(channel, (data) => handlerRef.current(data));
  }, [client, channel]);
}

/** Runs `handler` after each reconnect (to re-read what may have been missed meanwhile). */
export function useOnReconnect(handler: () => void): void {
  const client = useStreamClient();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => client.onReconnect(() => handlerRef.current()), [client]);
}
