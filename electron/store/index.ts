export { createSecureStore, type SecureStoreOptions } from './secure-file-store';
export { createMemorySecureStore } from './memory-secure-store';
export { chooseSecureStore, memoryOnlyReason, type SecureStoreChoice } from './choose-secure-store';
export { createKeyfileWrapper, keyfileWarning } from './keyfile-wrapper';
export { createTestKeyWrapper } from './test-key-wrapper';
export { createJsonFileStore } from './json-file-store';
export { createPrefsService, defaultPrefs, type ObservablePrefsService } from './prefs-service';
export {
  DataKeyError,
  IntegrityError,
  type KeyWrapper,
  type PlainStore,
  type SecureStore,
} from './types';
