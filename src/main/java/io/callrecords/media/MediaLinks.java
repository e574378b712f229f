package io.callrecords.media;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The signed links ({@code record_url}, {@code voicemail_url}) of calls' audio, for every module
 * that serves a record (the call API, the list, webhooks): valid {@link MediaSigner#VALIDITY} from
 * now, usable without an API key. Each read is one statement, so none opens a transaction of its own (that would
 * only add a COMMIT round trip to every page of a list); inside a caller's transaction it reads in it.
 */
@Service
public class MediaLinks {

    private final MediaStore store;
    private final MediaSigner signer;
    private final PublicBaseUrl baseUrl;
    private final Clock clock;

    MediaLinks(MediaStore store, MediaSigner signer, PublicBaseUrl baseUrl, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The links of one call's audio (null where it has none). */
    public MediaUrls forCall(long accountId, UUID call) {
        return forCalls(accountId, Set.of(call)).getOrDefault(call, MediaUrls.NONE);
    }

    /** The links of many calls' audio in one query (a page of a list); calls without audio are left out. */
    public Map<UUID, MediaUrls> forCalls(long accountId, Collection<UUID> calls) {
        return store.kinds(accountId, calls).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> urls(accountId, e.getKey(), e.getValue())));
    }

    /** Which kinds of audio each of the calls has (calls without any are left out), without signing links. */
    public Map<UUID, Set<MediaKind>> kinds(long accountId, Collection<UUID> calls) {
        return store.kinds(accountId, calls);
    }

    /** The links of audio the caller already knows to exist. */
    public MediaUrls urls(long accountId, UUID call, Set<MediaKind> kinds) {
        return new MediaUrls(kinds.contains(MediaKind.RECORDING) ? url(accountId, call, MediaKind.RECORDING) : null,
                kinds.contains(MediaKind.VOICEMAIL) ? url(accountId, call, MediaKind.VOICEMAIL) : null);
    }

    /** {@code <base>/media/v1/<account>/<call>/<kind>?expires=<unix seconds>&signature=<HMAC>}. */
    public String url(long accountId, UUID call, MediaKind kind) {
        long expires = clock.instant().plus(MediaSigner.VALIDITY).getEpochSecond();
        return baseUrl.get() + "/media/v1/" + accountId + "/" + call + "/" + kind.wire()
                + "?expires=" + expires + "&signature=" + signer.sign(accountId, call, kind, expires);
    }
}
