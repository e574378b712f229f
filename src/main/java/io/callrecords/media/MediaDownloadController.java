package io.callrecords.media;

import io.callrecords.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed media links: {@code GET /media/v1/{account}/{call}/{kind}?expires=&signature=}. Outside
 * {@code /api/}, so no API key is asked for (an {@code Authorization} header is ignored): the
 * signature is the permission. Streams the audio with byte ranges, in constant memory.
 */
@RestController
class MediaDownloadController {

    private static final Logger log = LoggerFactory.getLogger(MediaDownloadController.class);
    private static final int BUFFER = 256 * 1024;

    private final MediaSigner signer;
    private final MediaStore store;
    private final MediaStorage storage;
    private final Clock clock;

    MediaDownloadController(MediaSigner signer, MediaStore store, MediaStorage storage, Clock clock) {
        this.signer = signer;
        this.store = store;
        this.storage = storage;
        this.clock = clock;
    }

    @GetMapping("/media/v1/{account}/{call}/{kind}")
    void download(@PathVariable String account, @PathVariable String call, @PathVariable String kind,
                  @RequestParam(required = false) String expires, @RequestParam(required = false) String signature,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedLink link = SignedLink.read(account, call, kind, expires, signature)
                .filter(l -> signer.valid(l.accountId(), l.call(), l.kind(), l.expires(), l.signature()))
                .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN,
                        "This media link is not valid: it was changed, or not issued by this service."));
        Instant expiry = Instant.ofEpochSecond(link.expires());
        if (!clock.instant().isBefore(expiry)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This media link expired at " + expiry
                    + ". Read the call record again, or GET /api/v3/calls/" + link.call() + "/" + link.kind().wire()
                    + ", for a fresh one.");
        }
        StoredMedia media = store.find(link.accountId(), link.call(), link.kind()).orElseThrow(ApiException::notFound);
        String etag = "\"" + media.sha256() + "\"";
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        ByteRange range = ifRange == null || ifRange.equals(etag)
                ? ByteRange.of(request.getHeader(HttpHeaders.RANGE), media.size())
                : new ByteRange.Whole(media.size());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (range instanceof ByteRange.Unsatisfiable) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + media.size());
            throw new ApiException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "The range is outside the audio of " + media.size() + " bytes.");
        }
        long first = range instanceof ByteRange.Part part ? part.first() : 0;
        long length = range instanceof ByteRange.Part part ? part.length() : media.size();
        if (range instanceof ByteRange.Part part) {
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, part.contentRange());
        }
        headers(response, media, etag, link, length);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        if (Sendfile.offer(request, storage.localFile(media.storageKey()), first, length)) {
            return; // the web server sends the bytes itself, from the page cache to the socket
        }
        InputStream in;
        try {
            in = storage.open(media.storageKey(), first, length);
        } catch (NoSuchFileException e) {
            throw ApiException.notFound(); // deleted between the row read and now
        }
        try (in) {
            copy(in, response.getOutputStream(), length);
        }
    }

    private void headers(HttpServletResponse response, StoredMedia media, String etag, SignedLink link, long length) {
        response.setContentType(media.contentType());
        response.setContentLengthLong(length);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age="
                + Math.max(0, link.expires() - clock.instant().getEpochSecond()));
        String extension = AudioType.fromContentType(media.contentType()).map(t -> t.extension).orElse("bin");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + media.callUuid() + "-"
                + media.kind().wire() + "." + extension + "\"");
    }

    /** Copies exactly {@code length} bytes; a client that goes away mid-way is not an error of the service. */
    private static void copy(InputStream in, OutputStream out, long length) {
        byte[] buffer = new byte[(int) Math.min(BUFFER, length)];
        long left = length;
        while (left > 0) {
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            } catch (IOException e) {
                throw new UncheckedIOException("Reading the stored audio failed", e);
            }
            if (n < 0) {
                throw new IllegalStateException("The stored audio ended " + left + " bytes early");
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException clientGone) {
                log.debug("The client stopped reading the audio: {}", clientGone.toString());
                return;
            }
            left -= n;
        }
    }

    /**
     * The parts of a link, read without trusting them: any malformed part makes it no link at all, and so does a
     * part written otherwise than {@link MediaLinks} writes it ({@code 042}, {@code +42}, an upper-case uuid), so
     * that a link has one spelling only.
     */
    record SignedLink(long accountId, UUID call, MediaKind kind, long expires, String signature) {
        static java.util.Optional<SignedLink> read(String account, String call, String kind, String expires,
                                                   String signature) {
            try {
                UUID uuid = UUID.fromString(call);
                long accountId = Long.parseLong(account);
                long expiry = Long.parseLong(expires);
                boolean canonical = uuid.toString().equals(call) && Long.toString(accountId).equals(account)
                        && Long.toString(expiry).equals(expires);
                return MediaKind.fromWire(kind).filter(k -> signature != null && canonical)
                        .map(k -> new SignedLink(accountId, uuid, k, expiry, signature));
            } catch (IllegalArgumentException | NullPointerException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
