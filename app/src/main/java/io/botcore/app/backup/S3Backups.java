package io.botcore.app.backup;

import io.botcore.platform.backup.BackupSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Backups in an S3-compatible bucket, one key prefix per backup: {@code <prefix>/<name>/<file>}, the same
 * layout as the local folder. Credentials come from the AWS default chain ({@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY}, profile, instance role). With an endpoint (MinIO, Ceph, ...) path-style
 * addressing is used and checksums are only sent where S3 requires them, which every S3-compatible store accepts.
 */
public final class S3Backups implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3Backups(BackupSettings settings) {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(settings.s3Region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.s3Endpoint() != null) {
            builder.endpointOverride(settings.s3Endpoint()).forcePathStyle(true);
        }
        this.s3 = builder.build();
        this.bucket = settings.s3Bucket();
        String p = settings.s3Prefix().replaceAll("^/+|/+$", "");
        this.prefix = p.isEmpty() ? "" : p + "/";
    }

    /** {@code s3://bucket/prefix/name/} */
    public String url(String name) {
        return "s3://" + bucket + "/" + prefix + name + "/";
    }

    /** Uploads every file of the backup folder. */
    public void upload(Path folder, String name) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                s3.putObject(b -> b.bucket(bucket).key(prefix + name + "/" + file.getFileName()), RequestBody.fromFile(file));
            }
        }
    }

    /** Names of the backups in the bucket, oldest first. */
    public List<String> list() {
        TreeSet<String> names = new TreeSet<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/");
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(request.build());
            for (CommonPrefix p : page.commonPrefixes()) {
                String name = p.prefix().substring(prefix.length()).replaceAll("/$", "");
                if (BackupName.isValid(name)) {
                    names.add(name);
                }
            }
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return new ArrayList<>(names);
    }

    /** Downloads a backup's files into {@code folder} (created). */
    public void download(String name, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (S3Object object : objects(name)) {
            String file = object.key().substring((prefix + name + "/").length());
            s3.getObject(b -> b.bucket(bucket).key(object.key()), folder.resolve(file));
        }
    }

    /** Deletes every object of a backup. */
    public void delete(String name) {
        List<ObjectIdentifier> ids = objects(name).stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        if (!ids.isEmpty()) {
            s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
        }
    }

    private List<S3Object> objects(String name) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + name + "/")).contents().stream().toList();
    }

    @Override
    public void close() {
        s3.close();
    }
}
