package dev.sietch.http.internal.picture;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import dev.sietch.core.model.ProfilePicture;
import dev.sietch.core.port.PictureFetcher.Rejected;
import dev.sietch.http.PictureSettings;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns a downloaded file into the member's picture: the format is read from the file's own bytes
 * (never from what the server claims), the dimensions from its header before anything is decoded
 * (a small file declaring a huge image is refused), then the centre square is scaled to
 * {@code size} × {@code size} ("cover") and encoded as WebP, at lower qualities while it is over
 * {@code maxBytes}.
 */
public final class PictureProcessor {

    /** Each retry lowers the quality by this much (80, 60, 40, …). */
    static final int QUALITY_STEP = 20;
    static final int LOWEST_QUALITY = 10;

    enum Format { JPEG, PNG, GIF, WEBP }

    private PictureProcessor() {}

    public static ProfilePicture process(byte[] file, PictureSettings settings) throws Rejected {
        Format format = sniff(file);
        BufferedImage square = decodeSquare(file, format, settings);
        BufferedImage scaled = scale(square, settings.size());
        int quality = settings.quality();
        while (true) {
            byte[] webp = encode(scaled, quality);
            if (webp.length <= settings.maxBytes()) {
                return new ProfilePicture(webp, settings.size());
            }
            if (quality <= LOWEST_QUALITY) {
                throw new Rejected("The picture is too large even after compression: " + (webp.length + 1023) / 1024
                        + " KB (the limit is " + settings.maxBytes() / 1024 + " KB).");
            }
            quality = Math.max(LOWEST_QUALITY, quality - QUALITY_STEP);
        }
    }

    static Format sniff(byte[] file) throws Rejected {
        if (startsWith(file, 0, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (startsWith(file, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (startsWith(file, 0, 'G', 'I', 'F', '8') && file.length > 5 && (file[4] == '7' || file[4] == '9') && file[5] == 'a') {
            return Format.GIF;
        }
        if (startsWith(file, 0, 'R', 'I', 'F', 'F') && startsWith(file, 8, 'W', 'E', 'B', 'P')) {
            return Format.WEBP;
        }
        throw new Rejected("That file is not a JPEG, PNG, GIF or WebP image.");
    }

    private static boolean startsWith(byte[] file, int offset, int... expected) {
        if (file.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((file[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage decodeSquare(byte[] file, Format format, PictureSettings settings) throws Rejected {
        ImageReader reader = reader(format);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new Rejected("The image has no pixels.");
            }
            if ((long) width * height > settings.maxPixels()) {
                throw new Rejected(String.format(Locale.ROOT,
                        "The image is too large: %d×%d pixels (the limit is %,d pixels).", width, height, settings.maxPixels()));
            }
            int side = Math.min(width, height);
            var centre = new Rectangle((width - side) / 2, (height - side) / 2, side, side);
            if (format == Format.WEBP) {
                // this reader decodes whole images; the pixel cap above bounds its memory
                BufferedImage whole = reader.read(0);
                return whole.getSubimage(centre.x, centre.y, centre.width, centre.height);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(centre);
            int step = Math.max(1, side / (2 * settings.size())); // decode no more than twice the size kept
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException | LinkageError | OutOfMemoryError e) {
            throw new Rejected("The file could not be read as a " + format.name() + " image.");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(Format format) throws Rejected {
        if (format == Format.WEBP) {
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new Rejected(format.name() + " images cannot be read here.");
        }
        return readers.next();
    }

    /** Halves while more than twice too big (smooth), then one bicubic step to the exact size. */
    static BufferedImage scale(BufferedImage source, int size) {
        BufferedImage current = source;
        int side = Math.min(current.getWidth(), current.getHeight());
        while (side / 2 >= size * 2) {
            side /= 2;
            current = draw(current, side);
        }
        return draw(current, size);
    }

    private static BufferedImage draw(BufferedImage source, int size) {
        var target = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int side = Math.min(source.getWidth(), source.getHeight());
            int x = (source.getWidth() - side) / 2;
            int y = (source.getHeight() - side) / 2;
            g.drawImage(source, 0, 0, size, size, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    static byte[] encode(BufferedImage image, int quality) throws Rejected {
        ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
        var param = new WebPWriteParam(Locale.ROOT);
        param.setCompressionType(CompressionType.Lossy);
        param.setCompressionQuality(quality / 100f);
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException | RuntimeException | LinkageError | OutOfMemoryError e) {
            throw new Rejected("The picture could not be encoded; please try another one.");
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
