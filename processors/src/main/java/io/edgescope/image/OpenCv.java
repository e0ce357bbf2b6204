package io.edgescope.image;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_java;

/** Loads the native library behind OpenCV's official Java API ({@code org.opencv.*}) once per process. */
public final class OpenCv {

    private OpenCv() {
    }

    /** Idempotent; safe to call from any thread before using {@code org.opencv} classes. */
    public static void load() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            Loader.load(opencv_java.class);
        }

        private Holder() {
        }

        static void touch() {
            // class initialisation above does the work exactly once
        }
    }
}
