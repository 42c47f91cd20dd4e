// What every screen may need from the app: the session and the actions on it.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const AppContext = createContext({ session: null, signOut() {}, setLanguage() {}, refreshSession() {} });

export const useApp = () => useContext(AppContext);
